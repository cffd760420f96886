import type { ManagedBot } from '@botdeck/bot-runtime';
import { CatalogQueries } from '@botdeck/catalog';
import { Inject, Injectable } from '@nestjs/common';
import type { StockDisplayEntity, DisplayStatus } from '../displays/stock-display.entity';
import { hashPayload, parseDisplayFooter, renderDisplay } from '../rendering/render-display';
import { stockDisplayConfig, type StockDisplayConfig } from '../stock-display.config';
import { ChannelBuckets } from './channel-buckets';
import { ChannelAccessError, ChannelMessages, isUnknownMessage } from './discord-messages';
import { DisplayStore } from './display-store';

/** What a sync left behind, for the status event. */
export interface SyncOutcome {
  /** null: the display is gone (deleted, its messages removed). */
  status: DisplayStatus | null;
  code: number | null;
  reason: string | null;
  messageIds: string[];
  /** Discord requests that changed a message (post, edit, delete). */
  writes: number;
  /** The stored status or code moved. */
  changed: boolean;
}

/**
 * Brings one display's messages in Discord in line with its row and the catalog: edits the
 * messages it owns in place (only those whose content changed, unless forced), posts the
 * missing ones (after looking for its own message in case a crash lost the id), deletes the
 * extra ones, and records what it did. Every write takes a slot in the bot's channel bucket.
 */
@Injectable()
export class DisplaySync {
  constructor(
    private readonly store: DisplayStore,
    private readonly catalog: CatalogQueries,
    private readonly buckets: ChannelBuckets,
    @Inject(stockDisplayConfig.KEY) private readonly config: StockDisplayConfig,
  ) {}

  async sync(bot: ManagedBot, displayId: string, force: boolean): Promise<SyncOutcome | null> {
    const display = await this.store.load(displayId);
    if (!display || display.botId !== bot.id) return null;
    const outcome = await this.apply(bot, display, force);
    return {
      ...outcome,
      changed: outcome.status !== display.status || outcome.code !== display.statusCode,
    };
  }

  private async apply(
    bot: ManagedBot,
    display: StockDisplayEntity,
    force: boolean,
  ): Promise<Omit<SyncOutcome, 'changed'>> {
    const channel = new ChannelMessages(bot, display.channelId);
    const writes = { count: 0 };
    const write = async <T>(send: () => Promise<T>): Promise<T> => {
      await this.buckets.take(bot.id, display.channelId);
      writes.count += 1;
      return send();
    };
    try {
      if (display.deletedAt || !display.enabled) {
        for (const id of display.messageIds) await write(() => channel.delete(id));
        if (display.deletedAt) {
          await this.store.remove(display.id);
          return { status: null, code: null, reason: null, messageIds: [], writes: writes.count };
        }
        await this.store.saveRendered(display.id, {
          messageIds: [],
          messageHashes: [],
          contentHash: null,
          status: 'pending',
          statusReason: 'disabled',
        });
        return {
          status: 'pending',
          code: null,
          reason: 'disabled',
          messageIds: [],
          writes: writes.count,
        };
      }
      const refresh = display.refreshRequestedAt;
      // Anything not known to be live is checked message by message (an `error` display may
      // have its access back, a `pending` one may have posted before a crash).
      const full = force || refresh !== null || display.status !== 'live';
      const outcome = await this.render(display, channel, write, full);
      if (refresh) await this.store.clearRefresh(display.id, refresh);
      return { ...outcome, writes: writes.count };
    } catch (error) {
      if (!(error instanceof ChannelAccessError)) throw error;
      await this.store.saveStatus(display.id, 'error', error.code, error.message);
      return {
        status: 'error',
        code: error.code,
        reason: error.message,
        messageIds: display.messageIds,
        writes: writes.count,
      };
    }
  }

  private async render(
    display: StockDisplayEntity,
    channel: ChannelMessages,
    write: <T>(send: () => Promise<T>) => Promise<T>,
    force: boolean,
  ): Promise<Omit<SyncOutcome, 'writes' | 'changed'>> {
    // Render with what is current once the bucket can take a write, not before the wait.
    await this.buckets.untilFree(display.botId, display.channelId);
    const products = await this.catalog.visibleProducts({
      categories: display.categories.length > 0 ? display.categories : undefined,
      includeSoldOut: display.includeSoldOut,
    });
    const rendered = renderDisplay(display, products);
    const contentHash = hashPayload(rendered.map((message) => message.hash));
    const ids = [...display.messageIds];
    const hashes = [...display.messageHashes];
    const unchanged =
      display.status === 'live' &&
      display.contentHash === contentHash &&
      ids.length === rendered.length;
    if (unchanged && !force) {
      return { status: 'live', code: null, reason: null, messageIds: ids };
    }

    let ownRecent: Promise<Map<number, string>> | null = null;
    for (const [index, message] of rendered.entries()) {
      const id = ids[index];
      if (id && !force && hashes[index] === message.hash) continue;
      if (id) {
        try {
          await write(() => channel.edit(id, message));
          hashes[index] = message.hash;
          continue;
        } catch (error) {
          if (!isUnknownMessage(error)) throw error;
          // Deleted in Discord: post it again below, never looking for the gone one.
        }
      } else {
        ownRecent ??= this.ownRecent(channel, display.id);
        const found = (await ownRecent).get(index);
        if (found && !ids.includes(found)) {
          ids[index] = found;
          await write(() => channel.edit(found, message));
          hashes[index] = message.hash;
          await this.store.saveMessages(display.id, ids, hashes);
          continue;
        }
      }
      // A new message lands at the bottom: the parts after it go too and follow it in order.
      const later = ids.splice(index + 1).filter(Boolean);
      hashes.length = Math.min(hashes.length, index + 1);
      for (const id of later) await write(() => channel.delete(id));
      const posted = await write(() => channel.post(message));
      ids[index] = posted.id;
      hashes[index] = message.hash;
      await this.store.saveMessages(display.id, ids, hashes);
    }
    for (const extra of ids.splice(rendered.length)) await write(() => channel.delete(extra));
    hashes.length = rendered.length;
    await this.store.saveRendered(display.id, {
      messageIds: ids,
      messageHashes: hashes,
      contentHash,
      status: 'live',
      statusReason: null,
    });
    return { status: 'live', code: null, reason: null, messageIds: ids };
  }

  /**
   * The display's own messages among the channel's recent ones, by part index: what was
   * posted just before a crash that lost its id is found here instead of posted twice.
   */
  private async ownRecent(
    channel: ChannelMessages,
    displayId: string,
  ): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (const message of await channel.recentOwn(this.config.recoveryScanLimit)) {
      const embeds = message.embeds ?? [];
      const marker = parseDisplayFooter(embeds[embeds.length - 1]?.footer?.text);
      // Newest first: the newest copy of a part wins.
      if (marker?.displayId === displayId && !found.has(marker.index))
        found.set(marker.index, message.id);
    }
    return found;
  }
}
