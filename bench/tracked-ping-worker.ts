/**
 * The bot side of bench/tracked-ping.ts: a worker process with Botdeck's command machinery
 * (registry, tracker, log queue and writer) serving one sandbox bot through the commands
 * plugin, exactly as the bot runtime applies it. Says "ready" over IPC.
 */
import 'reflect-metadata';
import type { ManagedBot } from '@botdeck/bot-runtime';
import { CommandsPlugin, CommandsWorkerModule } from '@botdeck/commands';
import { CoreModule, DatabaseModule } from '@botdeck/core';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Events, GatewayIntentBits } from 'discord.js';

@Module({ imports: [CoreModule, DatabaseModule.forRoot(), CommandsWorkerModule] })
class BenchWorkerModule {}

async function main(): Promise<void> {
  const [apiUrl, token, botId, globalPerSecond] = process.argv.slice(2);
  if (!apiUrl || !token || !botId || !process.send) {
    throw new Error('usage: forked with <apiUrl> <token> <botId> [globalRequestsPerSecond]');
  }
  const app = await NestFactory.createApplicationContext(BenchWorkerModule, { logger: false });
  await app.init();
  const plugin = app.get(CommandsPlugin);
  // discord.js counts interaction webhooks (the /ping edit) against its own 50 requests/s
  // budget, though Discord exempts them; the bench can lift that budget to see past it.
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiUrl, globalRequestsPerSecond: Number(globalPerSecond ?? 50) },
  });
  const bot: ManagedBot = {
    id: botId,
    name: 'bench-tracked',
    applicationId: null,
    devGuildIds: [],
    client,
    startedAt: new Date(),
    shard: null,
  };
  plugin.attach(bot);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  await plugin.onReady(bot);
  process.on('message', (message) => {
    if (message !== 'stop') return;
    plugin.detach(bot);
    void client
      .destroy()
      .then(() => app.close())
      .then(() => process.exit(0));
  });
  process.send('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
