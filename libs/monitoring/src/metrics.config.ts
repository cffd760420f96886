import { ConfigError, EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

/** A bearer token shorter than this is too easy to guess for a door open to the network. */
const MIN_TOKEN_LENGTH = 16;

export const metricsConfig = registerAs('metrics', () => {
  const env = new EnvReader();
  const token = env.optionalString('METRICS_TOKEN');
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError('METRICS_TOKEN', `must be at least ${MIN_TOKEN_LENGTH} characters long`);
  }
  const port = env.optionalString('METRICS_PORT');
  return {
    /** How often one API instance publishes `monitoring.snapshot`. */
    snapshotIntervalMs: env.int('METRICS_SNAPSHOT_INTERVAL_MS', {
      default: 5_000,
      min: 200,
      max: 300_000,
    }),
    /** Bearer token Prometheus sends; unset means every scrape is refused. */
    token,
    /** A worker serves its own Prometheus text on this port (unset: it serves none). */
    workerPort: port === undefined ? undefined : env.int('METRICS_PORT', { min: 0, max: 65_535 }),
    workerHost: env.string('METRICS_HOST', { default: '0.0.0.0' }),
  };
});

export type MetricsConfig = ReturnType<typeof metricsConfig>;
