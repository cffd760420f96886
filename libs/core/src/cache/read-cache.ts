import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import Redis from 'ioredis';
import { Counter } from 'prom-client';
import { bounded } from '../async/bounded';
import { SharedRoundTrips } from '../async/shared-round-trips';
import { RedisTimeoutError } from '../redis/redis-errors';
import { redisConfig, type RedisConfig } from '../config/redis.config';
import { MetricsRegistry } from '../metrics/metrics-registry';
import { FAIL_FAST_REDIS_OPTIONS } from '../redis/redis.module';
import { logRedisOutages } from '../redis/redis-outage-log';
import { cacheConfig, type CacheConfig } from './cache.config';
import { MemoryTier } from './memory-tier';

/** What a cached read is and what its answer depends on. */
export interface CachedRead {
  /** The read's name, e.g. `bots.list`: one family of keys, one label in the metrics. */
  name: string;
  /**
   * The event types of every write that can change the answer. Each publication of one of
   * them moves that type's generation, and the generations are part of the key, so an entry
   * stored before the write (even one stored late, by a read that began before it) is never
   * served after it.
   */
  dependsOn: readonly string[];
  /** Everything else the answer depends on (query, role, user…); hashed into the key. */
  key: unknown;
  /** Backstop lifetime, for answers that also change with time alone; CACHE_TTL_SECONDS if unset. */
  ttlSeconds?: number;
}

/** Hits from the memory tier, Redis or the response cache (`ResponseCache`), misses, bypasses. */
export type CacheOutcome = 'memory' | 'redis' | 'response' | 'miss' | 'bypass';

const GENERATION = 'gen:';

/**
 * Hot reads kept in Redis (through cache-manager and @keyv/redis) with a small memory tier in
 * front, never stale after a write: every event publication bumps its type's generation in
 * Redis before the event goes out (and, in a request, before its 2xx: see `holdCommitReply`),
 * and every read fetches the current generations of what it depends on first, so a changed
 * answer simply has a new key. That first read is also why the memory tier is safe: an entry
 * there is only used under the generations Redis holds now.
 *
 * Redis away or slow: every operation is bounded by CACHE_TIMEOUT_MS; after a failure the
 * cache is bypassed for CACHE_RETRY_MS (reads go to PostgreSQL), then tried again. Generation
 * bumps that failed are retried before the cache is used again.
 */
@Injectable()
export class ReadCache implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadCache.name);
  private readonly redis: Redis;
  private readonly memory: MemoryTier;
  private readonly counter: Counter<'read' | 'outcome'>;
  private readonly failures: Counter;
  /** Per `read:outcome`: its count since start and its Prometheus series (labels hashed once). */
  private readonly outcomes = new Map<string, { count: number; series: { inc(): void } }>();
  private readonly readsByType = new Map<string, Set<string>>();
  private retryTimer?: NodeJS.Timeout;
  /** Resolves when the client is first ready; `everReady` says it has been. */
  private readonly firstReady: Promise<void>;
  private everReady = false;
  private downUntil = 0;
  private down = false;
  /** Generation bumps that could not be made; made before the cache is trusted again. */
  private readonly missedBumps = new Set<string>();
  /** Per type: whether a bump is in flight, and the one queued behind it that late callers share. */
  private readonly bumping = new Map<string, { queued?: Promise<void>; release?: () => void }>();
  /** Concurrent reads' generations, fetched together (one MGET per round trip, not per read). */
  private readonly generationReads: SharedRoundTrips<readonly string[], (string | null)[]>;

  constructor(
    @Inject(CACHE_MANAGER) private readonly store: Cache,
    @Inject(cacheConfig.KEY) private readonly config: CacheConfig,
    @Inject(redisConfig.KEY) redis: RedisConfig,
    registry: MetricsRegistry,
  ) {
    this.redis = logRedisOutages(
      new Redis(config.url, {
        ...FAIL_FAST_REDIS_OPTIONS,
        keyPrefix: `${redis.keyPrefix}cache:`,
        connectionName: 'botdeck-cache',
        connectTimeout: Math.max(config.timeoutMs, 500),
        commandTimeout: config.timeoutMs,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        lazyConnect: !config.enabled,
      }),
      'cache',
    );
    this.redis.on('error', () => undefined);
    this.firstReady = new Promise<void>((resolve) => this.redis.once('ready', resolve)).then(
      () => void (this.everReady = true),
    );
    this.memory = new MemoryTier(config.memoryEntries);
    this.generationReads = new SharedRoundTrips(
      (reads) => this.readGenerations(reads),
      config.timeoutMs,
      'Cache',
      (message) => new RedisTimeoutError(message),
    );
    this.counter = new Counter({
      name: 'botdeck_cache_reads_total',
      help: 'Cached reads by outcome: memory, redis or response (hits), miss, bypass (cache unavailable)',
      labelNames: ['read', 'outcome'],
      registers: [registry],
    });
    this.failures = new Counter({
      name: 'botdeck_cache_failures_total',
      help: 'Cache operations that failed or timed out (the read went to PostgreSQL)',
      registers: [registry],
    });
    // cache-manager reports a store's failure as an event and answers undefined.
    this.store.on('get', ({ error }: { error?: unknown }) => error && this.fail(error));
    this.store.on('set', ({ error }: { error?: unknown }) => error && this.fail(error));
  }

  /** The cached answer of `read`, or `load()`'s, which is then stored. */
  async getOrLoad<T>(read: CachedRead, load: () => Promise<T>): Promise<T> {
    const generations = await this.usableGenerations(read.dependsOn);
    if (!generations) {
      this.count(read.name, 'bypass');
      return load();
    }
    const key = this.keyOf(read, generations);
    this.remember(read);
    const remembered = this.memory.get(key);
    if (remembered !== undefined) {
      this.count(read.name, 'memory');
      return remembered as T;
    }
    const stored = await this.attempt(() => this.store.get<T>(key));
    if (stored !== undefined && stored !== null) {
      this.memory.set(key, stored, this.ttlMs(read));
      this.count(read.name, 'redis');
      return stored;
    }
    this.count(read.name, 'miss');
    const value = await load();
    this.memory.set(key, value, this.ttlMs(read));
    // Not awaited: the answer is ready; a store that lands late lands under the generations
    // read before the load, which a write since then has already left behind.
    void this.attempt(() => this.store.set(key, value, this.ttlMs(read)));
    return value;
  }

  /**
   * The current generations of `types`, in order, for a cache keyed by them (the response
   * cache); null when the cache cannot be used now.
   */
  generations(types: readonly string[]): Promise<string[] | null> {
    return this.usableGenerations(types);
  }

  /** Counts a hit served from a cache built on this one's generations. */
  countHit(read: string, outcome: Extract<CacheOutcome, 'response'>): void {
    this.count(read, outcome);
  }

  /**
   * Moves the generation of each event type, so every cached answer that depends on one is
   * left behind. Called by the event bus before it publishes; concurrent bumps of one type
   * share a round trip (a caller joins the next bump, never one already sent).
   */
  invalidate(types: readonly string[]): Promise<boolean> {
    if (!this.config.enabled) return Promise.resolve(true);
    return Promise.all(types.map((type) => this.bump(type))).then(() =>
      types.every((type) => !this.missedBumps.has(type)),
    );
  }

  /**
   * Drops this process's memory entries of the reads that depend on `type` (an event heard on
   * the bus). Hygiene only: a memory entry is never used under an older generation anyway.
   */
  forgetLocal(type: string): void {
    const reads = this.readsByType.get(type);
    if (reads) this.memory.dropPrefixed([...reads].map((name) => `${name}:`));
  }

  /** Hits, misses and bypasses since start, by read and outcome (`bots.list:miss`). */
  stats(): Record<string, number> {
    return Object.fromEntries([...this.outcomes].map(([label, { count }]) => [label, count]));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.redis.disconnect();
    await Promise.all(this.store.stores.map((store) => store.disconnect?.())).catch(
      () => undefined,
    );
  }

  private bump(type: string): Promise<void> {
    const state = this.bumping.get(type);
    if (!state) return this.startBump(type);
    if (!state.queued) {
      let release!: () => void;
      state.queued = new Promise<void>((resolve) => (release = resolve));
      state.release = release;
    }
    return state.queued;
  }

  private startBump(type: string): Promise<void> {
    const running = this.incr(type).finally(() => {
      const state = this.bumping.get(type);
      this.bumping.delete(type);
      if (state?.release) void this.startBump(type).then(state.release);
    });
    this.bumping.set(type, {});
    return running;
  }

  private async incr(type: string): Promise<void> {
    if (this.isDown()) {
      this.miss(type);
      return;
    }
    try {
      await this.ensureConnected();
      await bounded(this.redis.incr(GENERATION + type), this.config.timeoutMs, 'Cache');
      this.missedBumps.delete(type);
    } catch (error) {
      this.miss(type);
      this.fail(error);
    }
  }

  /**
   * A bump that could not be made is retried every CACHE_RETRY_MS until Redis takes it (and
   * before this process uses the cache again), so another instance that still reaches the
   * cache serves the answer from before the write for that long at most.
   */
  private miss(type: string): void {
    this.missedBumps.add(type);
    if (this.retryTimer) return;
    this.retryTimer = setInterval(() => {
      if (this.missedBumps.size === 0 || this.isDown()) return;
      void Promise.resolve(this.ensureConnected())
        .then(() => this.redoMissedBumps())
        .then(
          () => this.stopRetrying(),
          (error: unknown) => this.fail(error),
        );
    }, this.config.retryMs);
    this.retryTimer.unref();
  }

  private stopRetrying(): void {
    if (this.missedBumps.size > 0 || !this.retryTimer) return;
    clearInterval(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** The current generations, or null when the cache cannot be used now. */
  private async usableGenerations(types: readonly string[]): Promise<string[] | null> {
    if (!this.config.enabled || this.isDown()) return null;
    try {
      await this.ensureConnected();
      if (this.missedBumps.size > 0) await this.redoMissedBumps();
      const keys = types.map((type) => GENERATION + type);
      let values = await this.generationReads.call(keys);
      if (values.some((value) => value === null)) {
        // A generation that does not exist yet (or was lost with Redis's data) starts at the
        // clock in microseconds, so it never returns to a number an old entry was stored under.
        const start = String(Date.now() * 1000);
        const pipeline = this.redis.pipeline();
        keys.forEach((key, index) => values[index] === null && pipeline.set(key, start, 'NX'));
        await bounded(pipeline.exec(), this.config.timeoutMs, 'Cache');
        values = await bounded(this.redis.mget(...keys), this.config.timeoutMs, 'Cache');
      }
      if (this.down) this.logger.log('The read cache is back');
      this.down = false;
      return values.map((value) => value ?? '0');
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  /** One MGET for the generations of many reads, each read's answer in its own order. */
  private async readGenerations(reads: ReadonlyArray<readonly string[]>) {
    const keys = [...new Set(reads.flat())];
    const values = await this.redis.mget(...keys);
    const byKey = new Map(keys.map((key, index) => [key, values[index]]));
    return reads.map((read) => read.map((key) => byKey.get(key) ?? null));
  }

  private async redoMissedBumps(): Promise<void> {
    const types = [...this.missedBumps];
    if (types.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const type of types) pipeline.incr(GENERATION + type);
    await bounded(pipeline.exec(), this.config.timeoutMs, 'Cache');
    for (const type of types) this.missedBumps.delete(type);
  }

  /**
   * Connects a lazy client, and lets the first operations after start-up wait (bounded) for the
   * connection being made instead of failing at once for want of an offline queue: an event
   * published as a process starts would otherwise go out marked uninvalidated.
   */
  private ensureConnected(): Promise<void> | undefined {
    if (this.redis.status === 'wait') {
      return bounded(this.redis.connect(), this.config.timeoutMs, 'Cache');
    }
    if (!this.everReady && this.redis.status !== 'ready') {
      return bounded(this.firstReady, this.config.timeoutMs, 'Cache');
    }
    // Connected (or reconnecting after having been): nothing to wait for, not even a promise.
    return undefined;
  }

  private async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (this.isDown()) return undefined;
    try {
      return await bounded(work(), this.config.timeoutMs, 'Cache');
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  private isDown(): boolean {
    return Date.now() < this.downUntil;
  }

  private fail(error: unknown): void {
    this.failures.inc();
    this.downUntil = Date.now() + this.config.retryMs;
    if (!this.down) {
      this.logger.warn({ err: error }, 'The read cache is unavailable; reading from PostgreSQL');
    }
    this.down = true;
  }

  private remember(read: CachedRead): void {
    for (const type of read.dependsOn) {
      const reads = this.readsByType.get(type) ?? new Set<string>();
      reads.add(read.name);
      this.readsByType.set(type, reads);
    }
  }

  private keyOf(read: CachedRead, generations: string[]): string {
    const hash = createHash('sha1').update(canonicalJson(read.key)).digest('base64url');
    return `${read.name}:${generations.join('.')}:${hash}`;
  }

  private ttlMs(read: CachedRead): number {
    return (read.ttlSeconds ?? this.config.ttlSeconds) * 1000;
  }

  private count(read: string, outcome: CacheOutcome): void {
    const label = `${read}:${outcome}`;
    let counted = this.outcomes.get(label);
    if (!counted) {
      counted = { count: 0, series: this.counter.labels({ read, outcome }) };
      this.outcomes.set(label, counted);
    }
    counted.count += 1;
    counted.series.inc();
  }
}

/** JSON with object keys sorted and undefined fields left out, so equal queries hash alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field) && !(field instanceof Date)
      ? Object.fromEntries(
          Object.entries(field as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : field,
  );
}
