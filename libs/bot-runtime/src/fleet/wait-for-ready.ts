import { type Client, Events } from 'discord.js';

/**
 * Resolves on `clientReady` (READY and every guild received). Rejects on timeout, on a close
 * code discord.js will not recover from, or when `signal` aborts (a stop during login).
 */
export function waitForReady(
  client: Client,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
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
    client.once(Events.ClientReady, onReady);
    client.on(Events.ShardDisconnect, onDisconnect);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
  });
}
