import { EnvReader } from '@botdeck/core';

/** The standalone sandbox's environment; read here and nowhere else. */
export function sandboxConfig(env: EnvReader = new EnvReader()) {
  return {
    port: env.int('SANDBOX_PORT', { default: 3300, min: 0, max: 65535 }),
    host: env.string('SANDBOX_HOST', { default: '127.0.0.1' }),
    rateLimits: env.bool('SANDBOX_RATE_LIMITS', { default: true }),
    seedFile: env.optionalString('SANDBOX_SEED_FILE'),
    heartbeatIntervalMs: env.int('SANDBOX_HEARTBEAT_INTERVAL_MS', { default: 41_250, min: 100 }),
    logRequests: env.bool('SANDBOX_LOG_REQUESTS', { default: false }),
  };
}

export type SandboxConfig = ReturnType<typeof sandboxConfig>;
