/**
 * The anchor of bench/fleet-startup.ts's large world: bare discord.js clients with discord.js's
 * default caches, in a process of their own so its RSS is theirs. Forked with the sandbox's API
 * URL; says "ready" over IPC once discord.js is loaded, then on a `{ tokens }` message logs
 * every token in (`concurrency` at a time) and answers `{ online, ms }` once all are ready.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';

const clients: Client[] = [];

async function loginAll(apiUrl: string, tokens: string[], concurrency: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tokens.length) {
      const token = tokens[next++];
      const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
      clients.push(client);
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      await client.login(token);
      await ready;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

function main(): void {
  const [apiUrl] = process.argv.slice(2);
  if (!apiUrl || !process.send) throw new Error('usage: forked with <apiUrl>');
  process.on('message', (message: { tokens?: string[]; concurrency?: number } | 'stop') => {
    if (message === 'stop') {
      void Promise.all(clients.map((client) => client.destroy())).then(() => process.exit(0));
      return;
    }
    const started = Date.now();
    void loginAll(apiUrl, message.tokens ?? [], message.concurrency ?? 5).then(
      () =>
        process.send!({
          online: clients.filter((c) => c.isReady()).length,
          ms: Date.now() - started,
        }),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  process.send('ready');
}

main();
