import type { ManagedBot } from '@botdeck/bot-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { type APIMessage, Routes } from 'discord-api-types/v10';
import { DeliveryLedger } from '../bulk/delivery-ledger';
import {
  type ClaimedDelivery,
  MessageDeliveriesRepository,
} from '../bulk/message-deliveries.repository';
import { nonceFor, withNonce } from '../messages/discord-message';
import { classifySendError } from '../messages/send-error';
import { messagingConfig, type MessagingConfig } from '../messaging.config';
import { DELIVERY_ERRORS } from '../messaging.errors';
import { sendableTextChannels } from './text-channels';

/** The longest a retry waits. */
const MAX_BACKOFF_MS = 60_000;
/**
 * Deliveries a lane has claimed and not finished: the next is claimed while one is sent, so
 * the database round trips stay off the bucket's critical path. The client still sends a
 * channel's messages one at a time, in order; a cancel stops all but these.
 */
const LANE_DEPTH = 2;

/** A bot this worker runs, and the channels it is sending into right now. */
interface BotLanes {
  bot: ManagedBot;
  /** Channel id → its lane; `''` is the lane that expands "every text channel" targets. */
  lanes: Map<string, Promise<void>>;
  pumping: boolean;
  again: boolean;
  /** Sends wait until then after a takeover (see `add`). */
  resumeAt: number;
  /** When this bot's next message may go out (MESSAGING_SENDS_PER_SECOND, evenly spread). */
  nextSendAt: number;
}

/**
 * Sends the deliveries of the bots this worker holds, through each bot's own discord.js
 * client. One lane per (bot, channel) sends that channel's deliveries in order, claiming each
 * just before handing it to the client (at most LANE_DEPTH at a time); lanes of a bot run side
 * by side, taking turns at the bot's even pace (MESSAGING_SENDS_PER_SECOND). The client's REST
 * queue keeps each lane inside its channel's bucket (5 per 5 s) and the bot inside its global
 * limit (50/s), from the headers Discord sends, and waits out any 429 by its Retry-After. Only
 * the bot's lease holder sends for it, so no other process spends its buckets.
 */
@Injectable()
export class MessageSender {
  private readonly logger = new Logger(MessageSender.name);
  private readonly bots = new Map<string, BotLanes>();
  private stopping = false;

  constructor(
    private readonly deliveries: MessageDeliveriesRepository,
    private readonly ledger: DeliveryLedger,
    @Inject(messagingConfig.KEY) private readonly config: MessagingConfig,
  ) {}

  /**
   * The bot is online on this worker: take over what a previous holder left, then send. A new
   * client knows nothing of the buckets the previous holder spent, so when that holder sent
   * for the bot lately (or died mid-send), sending starts once its buckets have reset
   * (MESSAGING_TAKEOVER_PAUSE_MS) rather than meeting a 429 in each channel.
   */
  async add(bot: ManagedBot, workerId: string): Promise<void> {
    const entry: BotLanes = {
      bot,
      lanes: new Map(),
      pumping: false,
      again: false,
      resumeAt: 0,
      nextSendAt: 0,
    };
    this.bots.set(bot.id, entry);
    const pause = this.config.takeoverPauseMs;
    const reclaimed = await this.deliveries.reclaim(bot.id, workerId);
    const last = await this.deliveries.lastFinishedElsewhere(bot.id, workerId, pause);
    entry.resumeAt = reclaimed > 0 ? Date.now() + pause : last ? last.getTime() + pause : 0;
    if (reclaimed > 0) this.logger.log({ botId: bot.id, reclaimed }, 'Resuming deliveries');
    const wait = entry.resumeAt - Date.now();
    if (wait > 0) setTimeout(() => this.pump(bot.id, workerId), wait).unref();
    else this.pump(bot.id, workerId);
  }

  /** The bot left this worker: its lanes stop before their next claim. */
  remove(botId: string): void {
    this.bots.delete(botId);
  }

  /** Looks for due deliveries of every bot held here. */
  pumpAll(workerId: string): void {
    for (const botId of this.bots.keys()) this.pump(botId, workerId);
  }

  /** Stops claiming, and waits (bounded by the caller) for the sends under way. */
  async stop(): Promise<void> {
    this.stopping = true;
    const lanes = [...this.bots.values()].flatMap((entry) => [...entry.lanes.values()]);
    this.bots.clear();
    await Promise.allSettled(lanes);
  }

  private pump(botId: string, workerId: string): void {
    const entry = this.bots.get(botId);
    if (!entry || this.stopping || Date.now() < entry.resumeAt) return;
    if (entry.pumping) {
      entry.again = true;
      return;
    }
    entry.pumping = true;
    void (async () => {
      try {
        do {
          entry.again = false;
          for (const channelId of await this.deliveries.dueChannels(botId)) {
            const key = channelId ?? '';
            if (entry.lanes.has(key)) continue;
            const lane = this.lane(entry, channelId, workerId).finally(() =>
              entry.lanes.delete(key),
            );
            entry.lanes.set(key, lane);
          }
        } while (entry.again && this.bots.get(botId) === entry);
      } catch (error) {
        this.logger.warn({ err: error, botId }, 'Could not look for deliveries');
      } finally {
        entry.pumping = false;
      }
    })();
  }

  private async lane(entry: BotLanes, channelId: string | null, workerId: string): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    try {
      while (!this.stopping && this.bots.get(entry.bot.id) === entry) {
        if (inFlight.size >= LANE_DEPTH) await Promise.race(inFlight);
        const delivery = await this.deliveries.claim(entry.bot.id, channelId, workerId);
        if (!delivery) break;
        const handled = this.handle(entry, delivery, workerId).finally(() =>
          inFlight.delete(handled),
        );
        inFlight.add(handled);
      }
    } catch (error) {
      this.logger.warn({ err: error, botId: entry.bot.id, channelId }, 'Delivery lane failed');
    }
    await Promise.allSettled(inFlight);
  }

  private async handle(entry: BotLanes, delivery: ClaimedDelivery, workerId: string) {
    try {
      if (delivery.channelId === null) {
        await this.expand(entry.bot, delivery);
        entry.again = true;
        this.pump(entry.bot.id, workerId);
      } else {
        await this.pace(entry);
        await this.send(entry.bot, delivery, delivery.channelId);
      }
    } catch (error) {
      // Its result could not be written: put it back for a resend (same nonce, so a message
      // Discord did create comes back instead of being posted again).
      this.logger.warn({ err: error, deliveryId: delivery.id }, 'Could not record a delivery');
      await this.deliveries
        .retryLater(delivery.id, this.config.retryBackoffMs, 'its result could not be recorded')
        .catch(() => undefined);
    }
  }

  /** Waits for this bot's next turn to send: its lanes share one even pace. */
  private async pace(entry: BotLanes): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, entry.nextSendAt);
    entry.nextSendAt = at + 1000 / this.config.sendsPerSecond;
    if (at > now) await sleep(at - now);
  }

  private async send(bot: ManagedBot, delivery: ClaimedDelivery, channelId: string) {
    let message: APIMessage;
    try {
      message = (await bot.client.rest.post(Routes.channelMessages(channelId), {
        body: withNonce(delivery.message, nonceFor(delivery.id)),
      })) as APIMessage;
    } catch (error) {
      const failure = classifySendError(error);
      if (failure.kind === 'permanent') {
        await this.ledger.finish(delivery.id, {
          status: 'failed',
          errorCode: failure.code,
          errorMessage: failure.message,
        });
      } else if (delivery.attempts >= this.config.maxAttempts) {
        await this.ledger.finish(delivery.id, {
          status: 'failed',
          errorCode: DELIVERY_ERRORS.MESSAGE_SEND_FAILED,
          errorMessage: `Gave up after ${delivery.attempts} attempts: ${failure.reason}`,
        });
      } else {
        const delay = Math.min(
          MAX_BACKOFF_MS,
          this.config.retryBackoffMs * 2 ** (delivery.attempts - 1),
        );
        await this.deliveries.retryLater(delivery.id, delay, failure.reason);
      }
      return;
    }
    await this.ledger.finish(delivery.id, { status: 'succeeded', messageId: message.id });
  }

  private async expand(bot: ManagedBot, delivery: ClaimedDelivery): Promise<void> {
    const channels = sendableTextChannels(bot.client);
    if (channels.length > 0) {
      await this.ledger.expand(delivery.id, delivery.operationId, channels);
      return;
    }
    await this.ledger.finish(delivery.id, {
      status: 'failed',
      errorCode: DELIVERY_ERRORS.MESSAGE_NO_TEXT_CHANNEL,
      errorMessage: `Bot ${bot.name} can send to no text channel`,
    });
  }
}
