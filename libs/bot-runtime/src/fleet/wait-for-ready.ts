import { type Client, Events } from 'discord.js';

export interface ReadyWait {
  /**
   * Resolves on `clientReady` (READY and every guild received). Rejects on timeout, on a
   * close code discord.js will not recover from, or when `signal` aborts (a stop during login).
   */
  promise: Promise<void>;
  /** Stops waiting (a failed login): clears the timer and the listeners, settles quietly. */
  cancel(): void;
}

export function waitForReady(client: Client, timeoutMs: number, signal: AbortSignal): ReadyWait {
  let cancel: () => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onReady = () => finish();
    const onDisconnect = (event: { code: number }) =>
      finish(new Error(`gateway closed with code ${event.code}`));
    const onAbort = () => finish(new Error('start cancelled'));
    function finish(error?: Error) {
      clearTimeout(timer);
      client.off(Events.ClientReady, onReady);
      client.off(Events.ShardDisconnect, onDisconnect);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    }
    cancel = () => finish(new Error('no longer waiting'));
    client.once(Events.ClientReady, onReady);
    client.on(Events.ShardDisconnect, onDisconnect);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
  });
  // Whoever awaits it sees the rejection; a cancelled wait must not surface as unhandled.
  promise.catch(() => undefined);
  return { promise, cancel };
}
