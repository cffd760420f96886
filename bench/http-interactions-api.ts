/**
 * The API side of bench/http-interactions.ts: the real API bootstrap in a process of its own,
 * listening on the port given, so the load generator does not share its event loop. Says
 * "ready" over IPC.
 */
import 'reflect-metadata';
import { createApiApp } from '../apps/api/src/bootstrap';

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  if (!Number.isInteger(port) || !process.send) throw new Error('usage: forked with <port>');
  const app = await createApiApp();
  await app.listen(port, '127.0.0.1');
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void app.close().then(() => process.exit(0));
  });
  process.send('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
