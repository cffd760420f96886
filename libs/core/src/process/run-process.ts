import { existsSync } from 'node:fs';
import { ConfigError } from '../config/env-reader';

/** Loads `.env` from the working directory when present; real environment variables win. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/**
 * Runs a process's start-up and turns a configuration error into one readable line and exit
 * code 1 rather than a stack trace.
 */
export function runProcess(name: string, start: () => Promise<void>): void {
  loadDotEnv();
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${name}: invalid configuration: ${error.message}\n`);
    } else {
      process.stderr.write(
        `${name}: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  });
}

/**
 * Nest's shutdown hooks close the app on SIGTERM/SIGINT; this makes sure a hook that hangs
 * (a stuck connection, a job that will not stop) cannot keep the process alive for ever.
 */
export function exitIfShutdownHangs(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`shutdown took longer than ${timeoutMs} ms; exiting\n`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
