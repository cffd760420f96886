import type { INestApplicationContext } from '@nestjs/common';

export interface ShutdownOptions {
  /** After this long the process exits even if a shutdown hook still hangs. */
  timeoutMs: number;
  signals?: NodeJS.Signals[];
  log?: (message: string) => void;
  /** Injected for tests; defaults to `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM/SIGINT: close the Nest context (running every shutdown hook: heartbeat
 * deregistration, queue and Redis/PostgreSQL connections), then exit. A hook that hangs
 * cannot keep the process alive: a timer forces exit code 1 after `timeoutMs`.
 * Returns a function that removes the signal handlers.
 */
export function exitOnSignals(app: INestApplicationContext, options: ShutdownOptions): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = options.log ?? (() => undefined);
  let closing = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log(`${signal} received; shutting down`);
    const force = setTimeout(() => {
      log(`Shutdown took longer than ${options.timeoutMs} ms; exiting anyway`);
      exit(1);
    }, options.timeoutMs);
    force.unref();
    app.close().then(
      () => {
        clearTimeout(force);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(force);
        log(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };

  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
