import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { registerAs } from '@nestjs/config';
import { ConfigError, EnvReader } from './env-reader';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** The version in the nearest package.json above this file (works from src/ and dist/). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const { version } = JSON.parse(readFileSync(candidate, 'utf8')) as { version?: unknown };
        if (typeof version === 'string') return version;
      } catch {
        // An unreadable package.json is no reason to refuse to start; report "unknown".
      }
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/** Botdeck's version as reported by health and /botinfo: APP_VERSION, else package.json's. */
export function appVersion(env = new EnvReader()): string {
  return env.optionalString('APP_VERSION') ?? packageVersion();
}

/**
 * Bounds on slow or idle clients, so a few thousand connections trickling bytes cannot hold
 * the API's sockets and memory. Node enforces them (`http.Server`); see createFastifyAdapter.
 */
export function readHttpLimits(env = new EnvReader()) {
  const limits = {
    /** Whole request (headers and body) must arrive within this; else 408 and close. */
    requestTimeoutMs: env.int('HTTP_REQUEST_TIMEOUT_MS', { default: 30_000, min: 500 }),
    /** Headers must arrive within this. */
    headersTimeoutMs: env.int('HTTP_HEADERS_TIMEOUT_MS', { default: 10_000, min: 500 }),
    /** An idle keep-alive connection is closed after this (keep it above a proxy's idle timeout). */
    keepAliveTimeoutMs: env.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', { default: 10_000, min: 100 }),
    /** Open connections beyond this are closed on arrival (0 = no cap). */
    maxConnections: env.int('HTTP_MAX_CONNECTIONS', { default: 4_096, min: 0 }),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS', 'must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  return limits;
}

export type HttpLimits = ReturnType<typeof readHttpLimits>;

export const appConfig = registerAs('app', () => {
  const env = new EnvReader();
  return {
    http: readHttpLimits(env),
    nodeEnv: env.oneOf('NODE_ENV', NODE_ENVS, { default: 'development' }),
    host: env.string('HOST', { default: '0.0.0.0' }),
    port: env.int('PORT', { default: 3000, min: 0, max: 65535 }),
    bodyLimitBytes: env.int('BODY_LIMIT_BYTES', { default: 1_048_576, min: 1024 }),
    logLevel: env.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      {
        default: 'info',
      },
    ),
    shutdownTimeoutMs: env.int('SHUTDOWN_TIMEOUT_MS', { default: 10_000, min: 100 }),
    /**
     * How many reverse proxies in front of the API to trust for X-Forwarded-For (0 = none).
     * Client IPs feed login throttling and the audit trail, so never trust more than you run.
     */
    trustProxyHops: env.int('TRUST_PROXY_HOPS', { default: 0, min: 0, max: 10 }),
  };
});

export type AppConfig = ReturnType<typeof appConfig>;
