import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Message,
  TextChannel,
} from 'discord.js';
import { nextEvent, PLAYER, startWorld, World } from './support/world';

describe('sandbox: channel messages', () => {
  let world: World;
  let client: Client;
  let channel: TextChannel;

  beforeAll(async () => {
    world = await startWorld({ rateLimits: false });
    client = await world.login({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
      ],
    });
    channel = (await client.channels.fetch(world.channelId)) as TextChannel;
  });
  afterAll(() => world.close());

  it('sends, edits and deletes a message, with the gateway echoing each step', async () => {
    const created = nextEvent<[Message]>(
      client,
      Events.MessageCreate,
      (m) => m.content === 'hello',
    );
    const sent = await channel.send('hello');
    expect(sent.id).toMatch(/^\d{17,19}$/);
    expect((await created)[0].id).toBe(sent.id);

    const updated = nextEvent(client, Events.MessageUpdate);
    const edited = await sent.edit('hello, edited');
    expect(edited.content).toBe('hello, edited');
    expect(edited.editedTimestamp).not.toBeNull();
    await updated;
    expect((await channel.messages.fetch(sent.id)).content).toBe('hello, edited');

    const deleted = nextEvent<[Message]>(client, Events.MessageDelete);
    await sent.delete();
    expect((await deleted)[0].id).toBe(sent.id);
    await expect(channel.messages.fetch(sent.id)).rejects.toMatchObject({ code: 10008 });
  });

  it('lists history newest first over REST and newest last over the control API', async () => {
    for (const content of ['one', 'two', 'three']) await channel.send(content);
    const fetched = await channel.messages.fetch({ limit: 3 });
    expect([...fetched.values()].map((m) => m.content)).toEqual(['three', 'two', 'one']);
    const control = await world.sandbox.control.channelMessages(world.channelId);
    expect(control.slice(-3).map((m) => m.content)).toEqual(['one', 'two', 'three']);
  });

  it('delivers what a played user says as MESSAGE_CREATE', async () => {
    const created = nextEvent<[Message]>(
      client,
      Events.MessageCreate,
      (m) => m.author.id === PLAYER.id,
    );
    await world.sandbox.control.postUserMessage(world.channelId, PLAYER, 'hi bot');
    const [message] = await created;
    expect(message.content).toBe('hi bot');
    expect(message.author.bot).toBe(false);
  });

  it('hides content from a bot without the MessageContent intent unless it is mentioned', async () => {
    const other = await world.sandbox.control.createBot('no-content-bot');
    await world.sandbox.control.addBotToGuild(world.guildId, other.userId);
    const reader = await world.login({
      token: other.token,
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    });
    const plain = nextEvent<[Message]>(
      reader,
      Events.MessageCreate,
      (m) => m.author.id === PLAYER.id,
    );
    await world.sandbox.control.postUserMessage(world.channelId, PLAYER, 'secret words');
    expect((await plain)[0].content).toBe('');

    const mention = nextEvent<[Message]>(
      reader,
      Events.MessageCreate,
      (m) => m.author.id === PLAYER.id,
    );
    await world.sandbox.control.postUserMessage(
      world.channelId,
      PLAYER,
      `<@${other.userId}> hello`,
    );
    expect((await mention)[0].content).toBe(`<@${other.userId}> hello`);
  });

  it('answers a too-long message with 50035 naming the field', async () => {
    const error = await channel.send('x'.repeat(2001)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).message).toContain('content[BASE_TYPE_MAX_LENGTH]');

    const embedError = await channel
      .send({ embeds: [{ title: 't'.repeat(257) }] })
      .catch((e: unknown) => e as DiscordAPIError);
    expect(embedError).toMatchObject({ code: 50035 });
    expect((embedError as DiscordAPIError).message).toContain(
      'embeds[0].title[BASE_TYPE_MAX_LENGTH]',
    );
  });

  it('answers unknown channels with 10003, foreign ones with 50001 and bad tokens with 401', async () => {
    await expect(client.rest.get('/channels/123456789012345678')).rejects.toMatchObject({
      code: 10003,
      status: 404,
    });

    const otherGuild = await world.sandbox.control.createGuild('Elsewhere');
    const foreign = await world.sandbox.control.createChannel(otherGuild, 'secret');
    await expect(client.rest.get(`/channels/${foreign}`)).rejects.toMatchObject({
      code: 50001,
      status: 403,
    });

    const response = await fetch(`${world.sandbox.apiUrl}/v10/users/@me`, {
      headers: { authorization: 'Bot nope' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });
});
