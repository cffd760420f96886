import type { SandboxSeed } from './domain/seed';
import type { GatewaySettings } from './gateway/gateway-hub';
import type { InteractionTiming } from './interactions/interactions.service';
import {
  BucketLimit,
  BucketName,
  DISCORD_RATE_LIMITS,
  RateLimitSettings,
} from './rate-limits/rate-limiter';

export interface SandboxRateLimitOptions {
  enabled?: boolean;
  globalPerSecond?: number;
  buckets?: Partial<Record<BucketName, BucketLimit>>;
}

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `true` (default) = Discord's limits, `false` = none, or adjusted limits. */
  rateLimits?: boolean | SandboxRateLimitOptions;
  /** A starting world, or the path of a JSON file holding one. */
  seed?: SandboxSeed | string;
  /** HELLO's heartbeat_interval; Discord uses 41250 ms. Short values make zombie tests fast. */
  heartbeatIntervalMs?: number;
  /** How long a dropped session stays resumable. Default 120 s. */
  resumeWindowMs?: number;
  /** Default 3000 ms, as on Discord. */
  interactionResponseTimeoutMs?: number;
  /** Default 15 minutes, as on Discord. */
  interactionTokenTtlMs?: number;
  /** `session_start_limit.max_concurrency`. Default 1, as for most bots. */
  maxConcurrency?: number;
  /**
   * Refuse (op 9) an IDENTIFY that comes faster than `maxConcurrency` per 5 s for one bot, as
   * Discord does. Default: on whenever REST rate limits are on.
   */
  identifyPacing?: boolean;
  /** `GET /gateway/bot` recommends one shard per this many guilds. Default 1000. */
  guildsPerShard?: number;
  /** More guilds than this on one shard closes it with 4011 Sharding required. Default 2500. */
  maxGuildsPerShard?: number;
  /** `session_start_limit.total`. Default 1000. */
  sessionStartLimit?: number;
  /** Log each request (noisy); default false. */
  logRequests?: boolean;
}

export interface ResolvedSandboxOptions {
  port: number;
  host: string;
  rateLimits: RateLimitSettings;
  seed: SandboxSeed | string | undefined;
  gateway: GatewaySettings;
  interactions: InteractionTiming;
  logRequests: boolean;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  const limits = typeof options.rateLimits === 'object' ? options.rateLimits : {};
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    rateLimits: {
      enabled: options.rateLimits === false ? false : (limits.enabled ?? true),
      globalPerSecond: limits.globalPerSecond ?? DISCORD_RATE_LIMITS.globalPerSecond,
      buckets: { ...DISCORD_RATE_LIMITS.buckets, ...limits.buckets },
    },
    seed: options.seed,
    gateway: {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      resumeWindowMs: options.resumeWindowMs ?? 120_000,
      sessionStartLimit: options.sessionStartLimit ?? 1000,
      maxConcurrency: options.maxConcurrency ?? 1,
      identifyPacing: options.identifyPacing ?? options.rateLimits !== false,
      guildsPerShard: options.guildsPerShard ?? 1000,
      maxGuildsPerShard: options.maxGuildsPerShard ?? 2500,
    },
    interactions: {
      responseTimeoutMs: options.interactionResponseTimeoutMs ?? 3000,
      tokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60 * 1000,
    },
    logRequests: options.logRequests ?? false,
  };
}
