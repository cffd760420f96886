import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisConfig, type RedisConfig } from '../config/redis.config';
import { isRedisUnavailable } from '../redis/redis-errors';
import { REDIS } from '../redis/redis.module';

/**
 * Every event Botdeck publishes, by name. Each domain adds its own events by augmenting this
 * interface from its lib:
 *
 * ```ts
 * declare module '@botdeck/core' {
 *   interface BotdeckEvents { 'bot.status': BotStatusEvent }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface BotdeckEvents {}

export type EventName = Extract<keyof BotdeckEvents, string>;

export interface EventEnvelope<K extends EventName = EventName> {
  type: K;
  payload: BotdeckEvents[K];
  /** ISO-8601 time of publication. */
  at: string;
}

type Handler<K extends EventName> = (event: EventEnvelope<K>) => void | Promise<void>;

/**
 * Cross-process events over Redis pub/sub: a worker publishes `bot.status`, every API instance
 * hears it (and forwards it to dashboards). Delivery is at-most-once; anything that must not be
 * lost goes through a queue or the database instead.
 */
@Injectable()
export class EventBus implements OnApplicationShutdown {
  private readonly logger = new Logger(EventBus.name);
  private readonly channel: string;
  private readonly handlers = new Map<string, Set<Handler<EventName>>>();
  private subscriber?: Redis;
  private subscribed?: Promise<unknown>;
  private unsent = 0;
  private readonly liveWaitMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(redisConfig.KEY) config: RedisConfig,
  ) {
    // ioredis' keyPrefix covers keys, not channels.
    this.channel = `${config.keyPrefix}events`;
    this.liveWaitMs = config.commandTimeoutMs + config.connectTimeoutMs;
  }

  /**
   * Publishes at most once and never fails the caller: an event is a nudge or a notice about
   * a change already stored, so a Redis outage must not turn a committed change into an
   * error (readers catch up from the database). Resolves false when the event was not sent.
   */
  async publish<K extends EventName>(type: K, payload: BotdeckEvents[K]): Promise<boolean> {
    const event: EventEnvelope<K> = { type, payload, at: new Date().toISOString() };
    try {
      await this.redis.publish(this.channel, JSON.stringify(event));
      return true;
    } catch (error) {
      this.unsent += 1;
      // The client logs a Redis outage once; anything else is worth a line of its own.
      if (!isRedisUnavailable(error)) {
        this.logger.warn({ err: error, type }, 'An event could not be published');
      }
      return false;
    }
  }

  /** Events not sent since start (Redis away), for metrics and tests. */
  get unsentCount(): number {
    return this.unsent;
  }

  /** Listens to one event type, or to all with '*'. Resolves once the subscription is live. */
  async subscribe<K extends EventName>(type: K | '*', handler: Handler<K>): Promise<() => void> {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler as Handler<EventName>);
    this.handlers.set(type, set);
    await this.ensureSubscribed();
    await this.whenLive();
    return () => set.delete(handler as Handler<EventName>);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }

  private ensureSubscribed(): Promise<unknown> {
    if (!this.subscribed) {
      this.subscriber = this.redis.duplicate({ keyPrefix: undefined });
      this.subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
      this.subscribed = this.subscriber.subscribe(this.channel);
    }
    return this.subscribed;
  }

  /**
   * An earlier subscriber may be reconnecting after an outage; ioredis subscribes it again once
   * it is ready, so a new listener waits for that (bounded) rather than miss what comes next.
   */
  private async whenLive(): Promise<void> {
    const subscriber = this.subscriber;
    if (!subscriber || subscriber.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscriber.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, this.liveWaitMs);
      subscriber.once('ready', done);
    });
  }

  private dispatch(message: string): void {
    let event: EventEnvelope;
    try {
      event = JSON.parse(message) as EventEnvelope;
    } catch {
      this.logger.warn('Ignoring a malformed event');
      return;
    }
    const targets = [...(this.handlers.get(event.type) ?? []), ...(this.handlers.get('*') ?? [])];
    for (const handler of targets) {
      Promise.resolve(handler(event)).catch((error: unknown) =>
        this.logger.error({ err: error, type: event.type }, 'An event handler failed'),
      );
    }
  }
}
