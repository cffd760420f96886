import { Injectable } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { GatewayIntentBits } from 'discord.js';
import {
  Context,
  NecordModule,
  Options,
  SlashCommand,
  SlashCommandContext,
  StringOption,
} from 'necord';
import { until } from '../support/eventually';
import { PLAYER, startWorld, World } from './support/world';

class GreetOptions {
  @StringOption({ name: 'name', description: 'Who to greet', required: true })
  name!: string;
}

@Injectable()
class GreetCommands {
  @SlashCommand({ name: 'greet', description: 'Greets someone' })
  async greet(@Context() [interaction]: SlashCommandContext, @Options() { name }: GreetOptions) {
    await interaction.deferReply();
    await interaction.editReply(`Hello, ${name}!`);
    await interaction.followUp({
      embeds: [{ title: 'Greeting sent', fields: [{ name: 'to', value: name }] }],
    });
  }
}

describe('sandbox: a necord app', () => {
  let world: World;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    world = await startWorld();
    moduleRef = await Test.createTestingModule({
      imports: [
        NecordModule.forRoot({
          token: world.bot.token,
          intents: [GatewayIntentBits.Guilds],
          development: [world.guildId],
          rest: { api: world.sandbox.apiUrl },
        }),
      ],
      providers: [GreetCommands],
    }).compile();
    await moduleRef.init();
  });
  afterAll(async () => {
    await moduleRef.close();
    await world.sandbox.stop();
  });

  it('registers its guild commands at start-up and serves a slash command end to end', async () => {
    // necord registers once the client is ready, which is after init() resolves: wait for it.
    const guildCommands = await until(
      'the guild commands registered',
      async () =>
        (await world.sandbox.control.commands(world.bot.applicationId)).guilds[world.guildId] ?? [],
      (commands) => commands.length > 0,
      { timeoutMs: 2_000 },
    );
    expect(guildCommands.map((c) => c.name)).toEqual(['greet']);

    const played = await world.sandbox.control.playInteraction({
      applicationId: world.bot.applicationId,
      guildId: world.guildId,
      channelId: world.channelId,
      user: PLAYER,
      command: 'greet',
      options: { name: 'Ada' },
    });
    expect(played.response).toMatchObject({ type: 5 });

    const state = await world.sandbox.control.interaction(played.interactionId, {
      waitFor: 'followUps',
      count: 1,
      waitMs: 3000,
    });
    expect(state.original?.content).toBe('Hello, Ada!');
    expect(state.followUps[0]?.embeds).toEqual([
      expect.objectContaining({
        title: 'Greeting sent',
        fields: [{ name: 'to', value: 'Ada', inline: false }],
      }),
    ]);
  });
});
