import type { ManagedBot } from '@botdeck/bot-runtime';
import { CommandsPlugin, CommandsWorkerModule } from '@botdeck/commands';
import { CoreModule, DatabaseModule } from '@botdeck/core';
import { CreatedBot, RunningSandbox, startSandbox } from '@botdeck/discord-sandbox';
import type { Provider } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { randomUUID } from 'node:crypto';
import { withEnv } from '../../support/env';

export const PLAYER = { id: '200000000000000001', username: 'player-one' };

/** The worker's command machinery (no bot runtime), with extra test providers. */
export async function startCommandsWorker(
  env: Record<string, string> = {},
  providers: Provider[] = [],
): Promise<TestingModule> {
  return withEnv(env, async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [CoreModule, DatabaseModule.forRoot(), CommandsWorkerModule],
      providers,
    }).compile();
    // Handlers that throw on purpose would fill the output with expected errors.
    moduleRef.useLogger(false);
    await moduleRef.init();
    return moduleRef;
  });
}

export interface SandboxBot {
  sandbox: RunningSandbox;
  created: CreatedBot;
  guildId: string;
  channelId: string;
  bot: ManagedBot;
  /** Plays PLAYER running `/command` in the bot's channel. */
  play(
    command: string,
    options?: Record<string, unknown>,
  ): ReturnType<RunningSandbox['control']['playInteraction']>;
  close(): Promise<void>;
}

/**
 * A real discord.js client logged in to the sandbox and served by the commands plugin exactly
 * as the bot runtime does it: `attach` before login, `onReady` once ready.
 */
export async function startSandboxBot(
  plugin: CommandsPlugin,
  options: { sandbox?: RunningSandbox; devGuild?: boolean } = {},
): Promise<SandboxBot> {
  const sandbox = options.sandbox ?? (await startSandbox({ rateLimits: false }));
  const created = await sandbox.control.createBot(`bot-${randomUUID().slice(0, 8)}`);
  const guildId = await sandbox.control.createGuild('Commands Guild');
  const channelId = await sandbox.control.createChannel(guildId, 'general');
  await sandbox.control.addBotToGuild(guildId, created.userId);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: sandbox.apiUrl },
  });
  const bot: ManagedBot = {
    id: randomUUID(),
    name: 'Sandbox bot',
    applicationId: created.applicationId,
    devGuildIds: options.devGuild ? [guildId] : [],
    client,
    startedAt: new Date(),
    shard: null,
  };
  plugin.attach(bot);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(created.token);
  await ready;
  await plugin.onReady(bot);
  return {
    sandbox,
    created,
    guildId,
    channelId,
    bot,
    play: (command, commandOptions) =>
      sandbox.control.playInteraction({
        applicationId: created.applicationId,
        guildId,
        channelId,
        user: PLAYER,
        command,
        options: commandOptions,
      }),
    close: async () => {
      plugin.detach(bot);
      await client.destroy();
      if (!options.sandbox) await sandbox.stop();
    },
  };
}
