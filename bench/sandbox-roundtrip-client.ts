/**
 * The bot side of bench/sandbox-roundtrip.ts, in its own process as a Botdeck worker would be:
 * a bare discord.js client that answers every `/ping` with `reply('pong')`.
 * Started by the bench with the sandbox's API URL and a bot token; says "ready" over IPC.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';

async function main(): Promise<void> {
  const [apiUrl, token] = process.argv.slice(2);
  if (!apiUrl || !token || !process.send) throw new Error('usage: forked with <apiUrl> <token>');
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) interaction.reply('pong').catch(() => undefined);
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  await client.application!.commands.set([{ name: 'ping', description: 'Replies with pong' }]);
  process.on('message', (message) => {
    if (message === 'stop') void client.destroy().then(() => process.exit(0));
  });
  process.send('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
