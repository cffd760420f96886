import type { EntityManager } from 'typeorm';

/**
 * The lifecycle vocabulary. `bot-runtime` owns these states and writes them; they are declared
 * here, beside the port, because the configuration API accepts an initial desired state and
 * shows a bot's status next to its configuration. `unknown` is never written by a worker: it is
 * what the read side says when no live worker vouches for a bot (its lease lapsed, or Redis
 * cannot be asked).
 */
export const BOT_STATUSES = [
  'stopped',
  'starting',
  'online',
  'reconnecting',
  'error',
  'unknown',
] as const;
export type BotStatus = (typeof BOT_STATUSES)[number];

export const DESIRED_STATES = ['running', 'stopped'] as const;
export type DesiredState = (typeof DESIRED_STATES)[number];

/** Where a bot stands, as the runtime reports it to readers. */
export interface BotRuntimeView {
  desiredState: DesiredState;
  status: BotStatus;
  statusReason: string | null;
  statusChangedAt: Date;
}

/** A view as stored, before any lease vouches for it, with the worker that reported it. */
export interface StoredRuntimeView extends BotRuntimeView {
  workerId: string | null;
  /** The shard count the bot runs with (null: unsharded): a sharded bot's leases are per shard. */
  shardCount: number | null;
}

/**
 * What bot configuration needs from the runtime, implemented by `@botdeck/bot-runtime` (which
 * depends on this lib, never the other way round). Writes join the caller's unit of work.
 */
export interface BotRuntimePort {
  /** A new bot's lifecycle row, in the transaction that inserts the bot. */
  initialise(manager: EntityManager, botId: string, desiredState: DesiredState): Promise<void>;
  /**
   * Sets the desired state (nudging the workers after commit); true when it changed. A change
   * moves the bot's version unless `bumpVersion` is false (the caller's edit already did).
   */
  setDesiredState(
    botId: string,
    desiredState: DesiredState,
    options?: { bumpVersion?: boolean },
  ): Promise<boolean>;
  /** A running bot picks up a new token, intents or guilds only by logging in again. */
  restartIfRunning(botId: string): Promise<void>;
  /** Asks for a stop and waits up to `waitMs` for the bot to settle (before a delete). */
  stopAndWait(botId: string, waitMs: number): Promise<void>;
  /** The read model for these bots (every id gets one; a bot with no row reads as stopped). */
  views(botIds: readonly string[]): Promise<Map<string, BotRuntimeView>>;
  /** `views` in two steps: what PostgreSQL stores (cacheable: it changes only by events)… */
  storedViews(botIds: readonly string[]): Promise<Map<string, StoredRuntimeView>>;
  /** …and the leases' word on it now: a running status no live lease backs reads `unknown`. */
  vouch(views: Map<string, StoredRuntimeView>): Promise<Map<string, BotRuntimeView>>;
  /** SQL condition on `alias.id` selecting bots whose stored status is `status`. */
  statusCondition(alias: string, status: BotStatus): { sql: string; params: object };
}

export const BOT_RUNTIME_PORT = Symbol('BOT_RUNTIME_PORT');
