import { createHash } from 'node:crypto';

export interface BucketLimit {
  limit: number;
  windowMs: number;
}

/** Which bucket family a route belongs to; a bucket is one family for one major parameter. */
export type BucketName = 'messageCreate' | 'messageEdit' | 'messageDelete' | 'default';

export interface RateLimitSettings {
  enabled: boolean;
  /** Discord's global limit: requests per second per bot, across all routes. */
  globalPerSecond: number;
  buckets: Record<BucketName, BucketLimit>;
}

/** Discord's published values; tests may shrink the windows, never the defaults. */
export const DISCORD_RATE_LIMITS: RateLimitSettings = {
  enabled: true,
  globalPerSecond: 50,
  buckets: {
    messageCreate: { limit: 5, windowMs: 5000 },
    messageEdit: { limit: 5, windowMs: 5000 },
    messageDelete: { limit: 5, windowMs: 1000 },
    default: { limit: 50, windowMs: 1000 },
  },
};

/**
 * The global window is a little shorter than a second: @discordjs/rest starts its own
 * one-second window at its first request, and ours starts when that request lands a moment
 * later, so without slack a client that keeps exactly to 50/s would trip us on jitter alone.
 */
const GLOBAL_WINDOW_MS = 1000;
const GLOBAL_GRACE_MS = 20;

interface Window {
  start: number;
  count: number;
}

export interface BucketDecision {
  allowed: boolean;
  /** Discord's X-RateLimit-* headers for this bucket, sent on success and on 429 alike. */
  headers: Record<string, string>;
  retryAfterMs: number;
}

export interface GlobalDecision {
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * Fixed-window counters per (bot, bucket, major parameter) plus one global window per bot,
 * answering with the same numbers Discord puts in its headers. Pure apart from the clock.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly globals = new Map<string, Window>();
  private readonly hashes = new Map<BucketName, string>();
  private lastSweep = 0;

  constructor(
    readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.settings.enabled;
  }

  checkGlobal(botId: string): GlobalDecision {
    const now = this.now();
    const window = this.windowFor(this.globals, botId, now, GLOBAL_WINDOW_MS - GLOBAL_GRACE_MS);
    const resetAt = window.start + GLOBAL_WINDOW_MS - GLOBAL_GRACE_MS;
    if (window.count >= this.settings.globalPerSecond) {
      return { allowed: false, retryAfterMs: Math.max(1, resetAt - now) };
    }
    window.count++;
    return { allowed: true, retryAfterMs: 0 };
  }

  take(botId: string, bucket: BucketName, major: string): BucketDecision {
    const now = this.now();
    this.sweep(now);
    const { limit, windowMs } = this.settings.buckets[bucket];
    const window = this.windowFor(this.windows, `${botId}:${bucket}:${major}`, now, windowMs);
    const allowed = window.count < limit;
    if (allowed) window.count++;
    const resetAt = window.start + windowMs;
    const resetAfterMs = Math.max(0, resetAt - now);
    return {
      allowed,
      retryAfterMs: allowed ? 0 : Math.max(1, resetAfterMs),
      headers: {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(Math.max(0, limit - window.count)),
        'x-ratelimit-reset': (resetAt / 1000).toFixed(3),
        'x-ratelimit-reset-after': (resetAfterMs / 1000).toFixed(3),
        'x-ratelimit-bucket': this.hashOf(bucket),
      },
    };
  }

  reset(): void {
    this.windows.clear();
    this.globals.clear();
  }

  private windowFor(map: Map<string, Window>, key: string, now: number, windowMs: number): Window {
    let window = map.get(key);
    if (!window || now >= window.start + windowMs) {
      window = { start: now, count: 0 };
      map.set(key, window);
    }
    return window;
  }

  /** Opaque per-family hash, like Discord's, so clients can share state across major ids. */
  private hashOf(bucket: BucketName): string {
    let hash = this.hashes.get(bucket);
    if (!hash) {
      hash = createHash('sha1').update(`botdeck-sandbox:${bucket}`).digest('hex').slice(0, 32);
      this.hashes.set(bucket, hash);
    }
    return hash;
  }

  /** Drops long-expired windows now and then so a long run does not grow without bound. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const longest = Math.max(...Object.values(this.settings.buckets).map((b) => b.windowMs));
    for (const [key, window] of this.windows) {
      if (now - window.start > longest) this.windows.delete(key);
    }
    for (const [key, window] of this.globals) {
      if (now - window.start > GLOBAL_WINDOW_MS) this.globals.delete(key);
    }
  }
}
