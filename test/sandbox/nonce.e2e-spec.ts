import { Client, DiscordAPIError, Events, Message, TextChannel } from 'discord.js';
import { nextEvent, startWorld, World } from './support/world';

describe('sandbox: message nonce with enforce_nonce', () => {
  let world: World;
  let client: Client;
  let channel: TextChannel;

  beforeAll(async () => {
    world = await startWorld({ rateLimits: false });
    client = await world.login();
    channel = (await client.channels.fetch(world.channelId)) as TextChannel;
  });
  afterAll(() => world.close());

  const post = (body: unknown, token = world.bot.token) =>
    fetch(`${world.sandbox.apiUrl}/v10/channels/${world.channelId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('returns the first message for a repeated nonce (200, same id) and posts it once', async () => {
    const creates: string[] = [];
    const onCreate = (message: Message) => creates.push(message.id);
    client.on(Events.MessageCreate, onCreate);
    const first = await channel.send({ content: 'once', nonce: 'order-1', enforceNonce: true });
    const again = await channel.send({ content: 'once', nonce: 'order-1', enforceNonce: true });
    const raw = await post({ content: 'once', nonce: 'order-1', enforce_nonce: true });
    expect(raw.status).toBe(200);
    expect(((await raw.json()) as { id: string }).id).toBe(first.id);
    expect(again.id).toBe(first.id);
    expect(first.nonce).toBe('order-1');

    // A later message proves the gateway has caught up: the nonce's message came once only.
    await Promise.all([
      nextEvent<[Message]>(client, Events.MessageCreate, (m) => m.content === 'marker'),
      channel.send('marker'),
    ]);
    client.off(Events.MessageCreate, onCreate);
    expect(creates.filter((id) => id === first.id)).toHaveLength(1);
    const stored = await world.sandbox.control.channelMessages(world.channelId);
    expect(stored.filter((m) => m.nonce === 'order-1')).toHaveLength(1);
  });

  it('treats integer and string nonces alike, and keeps nonces apart per channel and author', async () => {
    const byInt = await post({ content: 'int', nonce: 4242, enforce_nonce: true });
    const byString = await post({ content: 'int', nonce: '4242', enforce_nonce: true });
    const [a, b] = (await Promise.all([byInt.json(), byString.json()])) as { id: string }[];
    expect(b.id).toBe(a.id);

    const other = await world.sandbox.control.createBot('second-bot');
    await world.sandbox.control.addBotToGuild(world.guildId, other.userId);
    const theirs = (await (
      await post({ content: 'int', nonce: 4242, enforce_nonce: true }, other.token)
    ).json()) as { id: string };
    expect(theirs.id).not.toBe(a.id);

    const elsewhere = await world.sandbox.control.createChannel(world.guildId, 'elsewhere');
    const otherChannel = (await client.channels.fetch(elsewhere)) as TextChannel;
    const there = await otherChannel.send({ content: 'int', nonce: 4242, enforceNonce: true });
    expect(there.id).not.toBe(a.id);
  });

  it('only echoes the nonce without enforce_nonce: two sends, two messages', async () => {
    const one = await channel.send({ content: 'twice', nonce: 'plain-1' });
    const two = await channel.send({ content: 'twice', nonce: 'plain-1' });
    expect(two.id).not.toBe(one.id);
    expect(two.nonce).toBe('plain-1');
  });

  it('posts again once the first message was deleted', async () => {
    const first = await channel.send({ content: 'gone', nonce: 'del-1', enforceNonce: true });
    await world.sandbox.control.deleteMessage(world.channelId, first.id);
    const second = await channel.send({ content: 'gone', nonce: 'del-1', enforceNonce: true });
    expect(second.id).not.toBe(first.id);
  });

  it('answers a bad nonce with 50035 naming the field', async () => {
    for (const nonce of ['x'.repeat(26), 1.5, true, { a: 1 }]) {
      const response = await post({ content: 'bad', nonce, enforce_nonce: true });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: number; errors: Record<string, unknown> };
      expect(body.code).toBe(50035);
      expect(body.errors).toHaveProperty('nonce._errors');
    }
    const notBool = await post({ content: 'bad', nonce: 'ok', enforce_nonce: 'yes' });
    expect(((await notBool.json()) as { errors: object }).errors).toHaveProperty(
      'enforce_nonce._errors',
    );
    await expect(channel.send({ content: 'bad', nonce: 'y'.repeat(26) })).rejects.toBeInstanceOf(
      DiscordAPIError,
    );
  });
});
