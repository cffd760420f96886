/**
 * The bare discord.js side of the interaction benchmarks, in its own process as a Botdeck
 * worker would be: a plain client that answers every `/ping` without any Botdeck machinery.
 * Started with the sandbox's API URL, a bot token and optionally:
 *   - a reply shape: `reply` (one `reply('pong')`, the default) or `reply-edit` (a reply, then
 *     an edit of it, the shape of Botdeck's own `/ping`, so the two compare like with like);
 *   - discord.js's global requests-per-second budget (50 by default, as discord.js has it).
 * Says "ready" over IPC.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';

async function main(): Promise<void> {
  const [apiUrl, token, shape = 'reply', globalPerSecond = '50'] = process.argv.slice(2);
  if (!apiUrl || !token || !process.send || !['reply', 'reply-edit'].includes(shape)) {
    throw new Error(
      'usage: forked with <apiUrl> <token> [reply|reply-edit] [globalRequestsPerSecond]',
    );
  }
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiUrl, globalRequestsPerSecond: Number(globalPerSecond) },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    if (shape === 'reply') {
      interaction.reply('pong').catch(() => undefined);
      return;
    }
    const sentAt = Date.now();
    interaction
      .reply('pong')
      .then(() => interaction.editReply(`pong · round trip: ${Date.now() - sentAt} ms`))
      .catch(() => undefined);
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
