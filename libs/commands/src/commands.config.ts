import { appVersion, ConfigError, EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

const COMMAND_NAME = /^[\w-]{1,32}$/;

/** `COMMAND_COOLDOWNS=ping:1000,botinfo:5000` → per-command cooldowns in ms (0 = none). */
export function parseCooldowns(raw: string | undefined): Record<string, number> {
  if (!raw) return {};
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): [string, number] => {
      const [name, ms] = entry.split(':');
      if (!name || !COMMAND_NAME.test(name) || !ms || !/^\d+$/.test(ms)) {
        throw new ConfigError('COMMAND_COOLDOWNS', 'entries must look like <command>:<ms>');
      }
      return [name, Number(ms)];
    });
  return Object.fromEntries(entries);
}

export const commandsConfig = registerAs('commands', () => {
  const env = new EnvReader();
  return {
    /** Shown by /botinfo. */
    version: appVersion(env),
    /** Commands still open after this long are marked `timed_out` by the sweeper. */
    timeoutMs: env.int('COMMAND_TIMEOUT_MS', { default: 60_000, min: 1_000 }),
    /** How often the sweeper looks for open commands. */
    sweepIntervalMs: env.int('COMMAND_SWEEP_INTERVAL_MS', { default: 10_000, min: 100 }),
    /** A handler still running this long after the interaction arrived is deferred. */
    autoDeferMs: env.int('COMMAND_AUTO_DEFER_MS', { default: 2_500, min: 100, max: 2_900 }),
    /** Overrides of the cooldowns declared on the handlers. */
    cooldowns: parseCooldowns(env.optionalString('COMMAND_COOLDOWNS')),
    /** The log writer flushes at this many rows... */
    logBatchSize: env.int('COMMAND_LOG_BATCH_SIZE', { default: 500, min: 1, max: 5_000 }),
    /** ...or after waiting this long for more, whichever comes first. */
    logFlushMs: env.int('COMMAND_LOG_FLUSH_MS', { default: 250, min: 10, max: 10_000 }),
    /** Queued log entries a dead writer held this long are taken over by a live one. */
    logClaimIdleMs: env.int('COMMAND_LOG_CLAIM_IDLE_MS', { default: 30_000, min: 100 }),
    /**
     * Interactions whose logs a worker holds in memory while the stream cannot be written
     * (about 2 minutes at 1000 commands/s); past it, logs of new interactions are dropped.
     */
    logBufferMax: env.int('COMMAND_LOG_BUFFER_MAX', { default: 120_000, min: 1, max: 5_000_000 }),
    /** An XADD unanswered this long counts as failed and its record is held in memory. */
    logEnqueueTimeoutMs: env.int('COMMAND_LOG_ENQUEUE_TIMEOUT_MS', {
      default: 1_000,
      min: 50,
      max: 30_000,
    }),
  };
});

export type CommandsConfig = ReturnType<typeof commandsConfig>;
