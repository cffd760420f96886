import { setTimeout as sleep } from 'node:timers/promises';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  Interaction,
  MessageFlags,
  ModalBuilder,
  TextChannel,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { PLAYER, startWorld, World } from './support/world';

type Handler = (interaction: ChatInputCommandInteraction) => Promise<void>;

describe('sandbox: slash commands', () => {
  let world: World;
  let client: Client;
  let handler: Handler;
  /** Errors a handler hit, so a test can assert on what discord.js saw. */
  let handlerErrors: unknown[];
  let handlerDone: Promise<void>;
  let finishHandler: () => void;

  beforeAll(async () => {
    world = await startWorld({ rateLimits: false });
    client = await world.login();
    await client.application!.commands.set([
      { name: 'ping', description: 'Replies with pong' },
      {
        name: 'echo',
        description: 'Echoes',
        options: [{ name: 'text', description: 'Text', type: 3 }],
      },
    ]);
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      handler(interaction)
        .catch((error: unknown) => handlerErrors.push(error))
        .finally(() => finishHandler());
    });
  });
  afterAll(() => world.close());

  beforeEach(() => {
    handlerErrors = [];
    handlerDone = new Promise((resolve) => (finishHandler = resolve));
  });

  const play = (command: string, options?: Record<string, unknown>, waitMs?: number) =>
    world.sandbox.control.playInteraction({
      applicationId: world.bot.applicationId,
      guildId: world.guildId,
      channelId: world.channelId,
      user: PLAYER,
      command,
      options,
      waitMs,
    });

  it('round-trips reply(): the control API sees the answer and the channel holds it', async () => {
    handler = async (interaction) => {
      await interaction.reply(
        `pong to ${interaction.user.username}: ${interaction.options.getString('text')}`,
      );
    };
    const played = await play('echo', { text: 'hi' });
    await handlerDone;
    expect(handlerErrors).toEqual([]);
    expect(played.delivered).toBe(true);
    expect(played.response).toMatchObject({ type: 4, content: 'pong to player-one: hi', flags: 0 });

    const messages = await world.sandbox.control.channelMessages(world.channelId);
    expect(messages.at(-1)).toMatchObject({
      content: 'pong to player-one: hi',
      author: { id: world.bot.userId },
      interaction_metadata: { id: played.interactionId, name: 'echo' },
    });
  });

  it('answers reply({ withResponse: true }) with the callback resource and its message', async () => {
    let messageId: string | undefined;
    handler = async (interaction) => {
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      expect(response.interaction.id).toBe(interaction.id);
      expect(response.resource?.message?.content).toBe('with response');
      messageId = response.resource?.message?.id;
    };
    const played = await play('ping');
    await handlerDone;
    expect(handlerErrors).toEqual([]);
    const state = await world.sandbox.control.interaction(played.interactionId);
    expect(state.original?.id).toBe(messageId);
  });

  it('supports deferReply() then editReply(), readable through the control API', async () => {
    handler = async (interaction) => {
      await interaction.deferReply();
      await sleep(50);
      const edited = await interaction.editReply({
        content: 'done',
        embeds: [{ title: 'Result' }],
      });
      expect(edited.content).toBe('done');
    };
    const played = await play('ping');
    expect(played.response).toMatchObject({ type: 5 });
    const state = await world.sandbox.control.interaction(played.interactionId, {
      waitFor: 'original',
      waitMs: 3000,
    });
    await handlerDone;
    expect(handlerErrors).toEqual([]);
    expect(state.original).toMatchObject({ content: 'done', embeds: [{ title: 'Result' }] });
    expect(state.original!.flags & MessageFlags.Loading).toBe(0);
  });

  it('supports followUp() after reply(), including ephemeral ones kept out of the channel', async () => {
    handler = async (interaction) => {
      await interaction.reply({ content: 'first', flags: MessageFlags.Ephemeral });
      const followUp = await interaction.followUp('second');
      expect(followUp.content).toBe('second');
    };
    const played = await play('ping');
    expect(played.response).toMatchObject({
      type: 4,
      content: 'first',
      flags: MessageFlags.Ephemeral,
    });
    const state = await world.sandbox.control.interaction(played.interactionId, {
      waitFor: 'followUps',
      count: 1,
      waitMs: 3000,
    });
    await handlerDone;
    expect(handlerErrors).toEqual([]);
    expect(state.followUps.map((m) => m.content)).toEqual(['second']);
    const contents = (await world.sandbox.control.channelMessages(world.channelId)).map(
      (m) => m.content,
    );
    expect(contents).toContain('second');
    expect(contents).not.toContain('first');
  });

  it('refuses a second initial response with 40060', async () => {
    handler = async (interaction) => {
      await interaction.reply('once');
      // Bypass discord.js's own "already replied" guard to reach the server.
      await client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
        body: { type: 4, data: { content: 'twice' } },
        auth: false,
      });
    };
    const played = await play('ping');
    await handlerDone;
    expect(played.response?.content).toBe('once');
    expect(handlerErrors).toHaveLength(1);
    expect(handlerErrors[0]).toBeInstanceOf(DiscordAPIError);
    expect(handlerErrors[0]).toMatchObject({ code: 40060, status: 400 });
  });

  it('kills the token when the first response comes after 3 s (10062)', async () => {
    handler = async (interaction) => {
      await sleep(3100);
      await interaction.reply('too late');
    };
    const played = await play('ping', undefined, 500);
    expect(played.response).toBeNull();
    await handlerDone;
    expect(handlerErrors).toHaveLength(1);
    expect(handlerErrors[0]).toMatchObject({ code: 10062, status: 404 });
    const state = await world.sandbox.control.interaction(played.interactionId);
    expect(state.response).toBeNull();
  }, 10_000);

  it('handles a button press: deferUpdate() (6) and update() (7) on the message', async () => {
    const channel = client.channels.cache.get(world.channelId) as TextChannel;
    const message = await channel.send({
      content: 'pick one',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('yes').setLabel('Yes').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const pressed: string[] = [];
    const onButton = (interaction: Interaction) => {
      if (!interaction.isButton()) return;
      pressed.push(interaction.customId);
      const answer =
        pressed.length === 1
          ? interaction.deferUpdate()
          : interaction.update({ content: 'picked yes' });
      answer.catch((error: unknown) => handlerErrors.push(error));
    };
    client.on(Events.InteractionCreate, onButton);
    try {
      const press = () =>
        world.sandbox.control.playInteraction({
          applicationId: world.bot.applicationId,
          guildId: world.guildId,
          channelId: world.channelId,
          user: PLAYER,
          customId: 'yes',
          messageId: message.id,
        });
      expect((await press()).response).toMatchObject({ type: 6 });
      expect((await press()).response).toMatchObject({ type: 7, content: 'picked yes' });
    } finally {
      client.off(Events.InteractionCreate, onButton);
    }
    expect(handlerErrors).toEqual([]);
    const stored = (await world.sandbox.control.channelMessages(world.channelId)).find(
      (m) => m.id === message.id,
    );
    expect(stored?.content).toBe('picked yes');
  });

  it('records a modal (9) as the initial response', async () => {
    handler = async (interaction) => {
      const modal = new ModalBuilder().setCustomId('feedback').setTitle('Feedback');
      modal.addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder()
            .setCustomId('text')
            .setLabel('Text')
            .setStyle(TextInputStyle.Short),
        ),
      );
      await interaction.showModal(modal);
    };
    const played = await play('ping');
    await handlerDone;
    expect(handlerErrors).toEqual([]);
    expect(played.response).toMatchObject({
      type: 9,
      modal: { custom_id: 'feedback', title: 'Feedback' },
    });
  });

  it('answers an unknown command through the control API with 404 UNKNOWN_COMMAND', async () => {
    await expect(play('nope')).rejects.toMatchObject({
      status: 404,
      body: { code: 'UNKNOWN_COMMAND' },
    });
  });
});

describe('sandbox: interaction tokens', () => {
  let world: World;
  let client: Client;

  beforeAll(async () => {
    // A 1 s token life stands in for Discord's 15 minutes.
    world = await startWorld({ rateLimits: false, interactionTokenTtlMs: 1000 });
    client = await world.login();
    await client.application!.commands.set([{ name: 'ping', description: 'Replies with pong' }]);
  });
  afterAll(() => world.close());

  it('serves fetchReply() and deleteReply(), and refuses follow-ups once the token expired (50027)', async () => {
    const outcome = new Promise<{ fetched: string; late: unknown }>((resolve, reject) => {
      client.once(Events.InteractionCreate, (interaction) => {
        if (!interaction.isChatInputCommand()) return reject(new Error('not a command'));
        const run = async () => {
          await interaction.reply('short-lived');
          const fetched = (await interaction.fetchReply()).content;
          await interaction.deleteReply();
          await sleep(1100);
          const late = await interaction.followUp('too late').catch((error: unknown) => error);
          return { fetched, late };
        };
        run().then(resolve, reject);
      });
    });
    const played = await world.sandbox.control.playInteraction({
      applicationId: world.bot.applicationId,
      guildId: world.guildId,
      channelId: world.channelId,
      user: PLAYER,
      command: 'ping',
    });
    expect(played.response?.content).toBe('short-lived');
    const { fetched, late } = await outcome;
    expect(fetched).toBe('short-lived');
    expect(late).toBeInstanceOf(DiscordAPIError);
    expect(late).toMatchObject({ code: 50027, status: 401 });
    const contents = (await world.sandbox.control.channelMessages(world.channelId)).map(
      (m) => m.content,
    );
    expect(contents).not.toContain('short-lived');
  });
});
