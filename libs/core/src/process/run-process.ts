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
