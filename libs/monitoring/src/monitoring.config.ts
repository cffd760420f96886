import { appVersion, ConfigError, EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const monitoringConfig = registerAs('monitoring', () => {
  const env = new EnvReader();
  const heartbeatIntervalMs = env.int('WORKER_HEARTBEAT_INTERVAL_MS', {
    default: 5_000,
    min: 100,
    max: 60_000,
  });
  const heartbeatTtlMs = env.int('WORKER_HEARTBEAT_TTL_MS', {
    default: 15_000,
    min: 500,
    max: 300_000,
  });
  if (heartbeatTtlMs <= heartbeatIntervalMs) {
    throw new ConfigError(
      'WORKER_HEARTBEAT_TTL_MS',
      `must be greater than WORKER_HEARTBEAT_INTERVAL_MS (${heartbeatIntervalMs}), or live workers expire between beats`,
    );
  }
  return {
    /** When true, health is 503 unless at least one worker is alive. */
    requireWorker: env.bool('HEALTH_REQUIRE_WORKER', { default: false }),
    heartbeatIntervalMs,
    heartbeatTtlMs,
    /** Each dependency check gives up after this long and reports the dependency down. */
    checkTimeoutMs: env.int('HEALTH_CHECK_TIMEOUT_MS', { default: 1_000, min: 50, max: 1_000 }),
    version: appVersion(env),
    /**
     * A file the worker rewrites after every successful heartbeat, so a container health check
     * can see the worker is alive and reaching Redis without speaking Redis itself.
     */
    aliveFile: env.optionalString('WORKER_ALIVE_FILE'),
  };
});

export type MonitoringConfig = ReturnType<typeof monitoringConfig>;
