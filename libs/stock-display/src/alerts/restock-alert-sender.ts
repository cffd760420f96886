import { CatalogQueries, ProductEntity, type AlertTarget, type Product } from '@botdeck/catalog';
import { REDIS, UnitOfWork } from '@botdeck/core';
import type { ManagedBot } from '@botdeck/bot-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscordAPIError, escapeMarkdown } from 'discord.js';
import type Redis from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { StockDisplayEntity } from '../displays/stock-display.entity';
import { ChannelBuckets } from '../publishing/channel-buckets';
import { RestockAlertEntity } from './restock-alert.entity';
import { restockAlertsConfig, type RestockAlertsConfig } from './restock-alerts.config';

/** Our own retries of a post whose answer was lost; the nonce makes each one safe. */
const POST_ATTEMPTS = 3;

/**
 * Posts one product's restock alert: through a bot of an enabled display showing the product
 * that can see the alert channel (so one in the channel's guild), once per product within the
 * window across every worker (a Redis `SET NX` claim), inside the channel's message bucket,
 * with a Discord nonce so a retried post never appears twice, and records it.
 */
@Injectable()
export class RestockAlertSender {
  private readonly logger = new Logger(RestockAlertSender.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalog: CatalogQueries,
    private readonly buckets: ChannelBuckets,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(restockAlertsConfig.KEY) private readonly config: RestockAlertsConfig,
  ) {}

  /** Alerts for the product if it is (still) in stock, has a target, and one of `bots` can. */
  async alert(productId: string, bots: ReadonlyMap<string, ManagedBot>): Promise<void> {
    if (bots.size === 0) return;
    const product = await this.uow.getRepository(ProductEntity).findOneBy({ id: productId });
    // Sold out again, or hidden, by now: there is nothing to announce any more.
    if (!product || !product.visible || product.stock === 0) return;
    const target = await this.catalog.alertTargetFor(product);
    if (!target) return;
    const bot = await this.pickBot(product, target, bots);
    if (!bot) return;
    const nonce = await this.claim(product.id);
    if (!nonce) return;
    await this.post(bot, product, target, nonce);
  }

  /**
   * A bot this worker runs, with an enabled display that shows the product, and that can see
   * the alert channel (a bot sees the channels of its own guilds only). Lowest id first, so
   * the choice is stable.
   */
  private async pickBot(
    product: Product,
    target: AlertTarget,
    bots: ReadonlyMap<string, ManagedBot>,
  ): Promise<ManagedBot | undefined> {
    const rows = await this.uow
      .getRepository(StockDisplayEntity)
      .createQueryBuilder('display')
      .select('DISTINCT display.botId', 'botId')
      .where('display.enabled AND display.deletedAt IS NULL')
      .andWhere('display.botId = ANY(:botIds)', { botIds: [...bots.keys()] })
      .andWhere(
        `(cardinality(display.categories) = 0 OR EXISTS (
           SELECT 1 FROM unnest(display.categories) AS shown WHERE lower(shown) = lower(:category)))`,
        { category: product.category ?? '' },
      )
      .orderBy('"botId"')
      .getRawMany<{ botId: string }>();
    return rows
      .map((row) => bots.get(row.botId))
      .find((bot) => bot?.client.channels.cache.has(target.channelId));
  }

  /** Takes the product's alert slot for the window; the value is the post's nonce. */
  private async claim(productId: string): Promise<string | null> {
    const nonce = createHash('sha256').update(`${productId}:${randomUUID()}`).digest('hex');
    const claimed = await this.redis.set(
      `restock-alert:${productId}`,
      nonce.slice(0, 25),
      'PX',
      this.config.windowMs,
      'NX',
    );
    return claimed === 'OK' ? nonce.slice(0, 25) : null;
  }

  private async post(
    bot: ManagedBot,
    product: Product,
    target: AlertTarget,
    nonce: string,
  ): Promise<void> {
    const record: Partial<RestockAlertEntity> = {
      productId: product.id,
      botId: bot.id,
      channelId: target.channelId,
      roleId: target.roleId,
      stockAfter: product.stock,
    };
    try {
      const channel = bot.client.channels.cache.get(target.channelId);
      if (!channel?.isSendable()) throw new Error(`Channel ${target.channelId} takes no messages`);
      const message = await this.withRetries(async () => {
        await this.buckets.take(bot.id, target.channelId);
        return channel.send({
          content: restockText(product, target.roleId),
          // Exactly the alert's role: never @everyone, users or other roles a name may hold.
          allowedMentions: { parse: [], roles: [target.roleId] },
          nonce,
          enforceNonce: true,
        });
      });
      Object.assign(record, { status: 'posted', messageId: message.id });
    } catch (error) {
      const code =
        error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : null;
      this.logger.warn(
        { err: error, productId: product.id, botId: bot.id, code },
        'Restock alert not posted',
      );
      Object.assign(record, { status: 'failed', errorCode: code });
    }
    await this.uow.getRepository(RestockAlertEntity).insert(record);
  }

  /** Retries what may not have reached Discord; Discord's own answers are final. */
  private async withRetries<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (error instanceof DiscordAPIError || attempt >= POST_ATTEMPTS) throw error;
      }
    }
  }
}

/** `@Restock 🍎 **Apple** is back in stock: 12 available.` */
export function restockText(product: Product, roleId: string): string {
  const emoji = product.emoji ? `${product.emoji} ` : '';
  const amount = product.stock === null ? 'unlimited' : `${product.stock} available`;
  const name = escapeMarkdown(product.name).slice(0, 500);
  return `<@&${roleId}> ${emoji}**${name}** is back in stock: ${amount}.`;
}
