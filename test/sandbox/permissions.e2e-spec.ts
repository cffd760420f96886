import {
  ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  GuildChannel,
  Message,
  PermissionFlagsBits,
  TextChannel,
} from 'discord.js';
import { nextEvent, PLAYER, startWorld, World } from './support/world';

const { ViewChannel, SendMessages } = PermissionFlagsBits;

describe('sandbox: channel permissions and moderation', () => {
  let world: World;
  let client: Client;
  let channel: TextChannel;

  beforeAll(async () => {
    world = await startWorld({ rateLimits: false });
    client = await world.login({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.GuildMembers,
        GatewayIntentBits.MessageContent,
      ],
    });
    channel = (await client.channels.fetch(world.channelId)) as TextChannel;
  });
  afterAll(() => world.close());

  afterEach(async () => {
    for (const overwrite of channel.permissionOverwrites.cache.keys()) {
      await world.sandbox.control.removePermissionOverwrite(world.channelId, overwrite);
    }
  });

  /** Sets an overwrite and waits until discord.js has applied the CHANNEL_UPDATE. */
  const overwrite = async (id: string, type: 0 | 1, change: { allow?: bigint; deny?: bigint }) => {
    const updated = nextEvent<[GuildChannel, GuildChannel]>(
      client,
      Events.ChannelUpdate,
      (_old, next) =>
        next.permissionOverwrites.cache.get(id)?.deny.bitfield === (change.deny ?? 0n),
    );
    await world.sandbox.control.setPermissionOverwrite(world.channelId, id, { type, ...change });
    await updated;
  };

  it('by default lets the bot do anything but keeps Administrator off @everyone', () => {
    const permissions = channel.permissionsFor(client.user!)!;
    expect(permissions.has(ViewChannel | SendMessages)).toBe(true);
    expect(permissions.has(PermissionFlagsBits.Administrator, false)).toBe(false);
    expect(channel.permissionOverwrites.cache.size).toBe(0);
  });

  it('answers 50001 everywhere once View Channel is taken from the bot, and recovers', async () => {
    const sent = await channel.send('before');
    await overwrite(world.bot.userId, 1, { deny: ViewChannel });
    expect(channel.permissionsFor(client.user!)!.has(ViewChannel)).toBe(false);
    expect(await world.sandbox.control.channelPermissions(world.channelId, world.bot.userId)).toBe(
      channel.permissionsFor(client.user!)!.bitfield,
    );

    await expect(channel.send('hidden')).rejects.toMatchObject({ code: 50001, status: 403 });
    await expect(sent.edit('changed')).rejects.toMatchObject({ code: 50001 });
    await expect(channel.messages.fetch({ limit: 5, cache: false })).rejects.toMatchObject({
      code: 50001,
    });
    await expect(sent.delete()).rejects.toMatchObject({ code: 50001 });

    await world.sandbox.control.removePermissionOverwrite(world.channelId, world.bot.userId);
    await expect(sent.edit('changed')).resolves.toMatchObject({ content: 'changed' });
  });

  it('answers 50013 on send without Send Messages while edits of its own messages still work', async () => {
    const sent = await channel.send('mine');
    await overwrite(world.guildId, 0, { deny: SendMessages });
    await expect(channel.send('nope')).rejects.toMatchObject({ code: 50013, status: 403 });
    await expect(sent.edit('still mine')).resolves.toMatchObject({ content: 'still mine' });
  });

  it('applies @everyone, then roles, then the member, as Discord orders overwrites', async () => {
    const roleId = await world.sandbox.control.createRole(world.guildId, 'Muted');
    await world.sandbox.control.setMemberRole(world.guildId, world.bot.userId, roleId, true);
    await overwrite(roleId, 0, { deny: SendMessages });
    await expect(channel.send('muted')).rejects.toMatchObject({ code: 50013 });

    // The member's own overwrite wins over its roles'.
    await overwrite(world.bot.userId, 1, { allow: SendMessages });
    await expect(channel.send('allowed again')).resolves.toBeInstanceOf(Message);
    await world.sandbox.control.setMemberRole(world.guildId, world.bot.userId, roleId, false);
  });

  it('keeps MESSAGE_CREATE from a bot that cannot see the channel', async () => {
    await overwrite(world.bot.userId, 1, { deny: ViewChannel });
    const seen: string[] = [];
    const onCreate = (message: Message) => seen.push(message.content);
    client.on(Events.MessageCreate, onCreate);
    await world.sandbox.control.postUserMessage(world.channelId, PLAYER, 'secret');
    await world.sandbox.control.removePermissionOverwrite(world.channelId, world.bot.userId);
    const visible = nextEvent<[Message]>(client, Events.MessageCreate, (m) => m.content === 'open');
    await world.sandbox.control.postUserMessage(world.channelId, PLAYER, 'open');
    await visible;
    client.off(Events.MessageCreate, onCreate);
    expect(seen).toEqual(['open']);
  });

  it("reports the bot's channel permissions in an interaction's app_permissions", async () => {
    await client.application!.commands.set([{ name: 'perm', description: 'Permissions' }]);
    const seen = new Promise<bigint>((resolve) =>
      client.once(Events.InteractionCreate, (interaction) => {
        const command = interaction as ChatInputCommandInteraction;
        resolve(command.appPermissions.bitfield);
        void command.reply('ok');
      }),
    );
    await overwrite(world.guildId, 0, { deny: SendMessages });
    await world.sandbox.control.playInteraction({
      applicationId: world.bot.applicationId,
      guildId: world.guildId,
      channelId: world.channelId,
      user: PLAYER,
      command: 'perm',
    });
    const appPermissions = await seen;
    expect(appPermissions & SendMessages).toBe(0n);
    expect(appPermissions & ViewChannel).toBe(ViewChannel);
  });

  it("lets a moderator delete the bot's message: gone, and MESSAGE_DELETE reaches the bot", async () => {
    const sent = await channel.send('to be moderated');
    const deleted = nextEvent<[Message]>(client, Events.MessageDelete, (m) => m.id === sent.id);
    await expect(world.sandbox.control.deleteMessage(world.channelId, sent.id)).resolves.toEqual({
      deleted: true,
    });
    await deleted;
    await expect(channel.messages.fetch(sent.id)).rejects.toMatchObject({ code: 10008 });
    await expect(
      world.sandbox.control.deleteMessage(world.channelId, sent.id),
    ).rejects.toMatchObject({ status: 404, body: { code: 'UNKNOWN_MESSAGE' } });
  });

  it('refuses deleting a user message without Manage Messages (50013)', async () => {
    const said = await world.sandbox.control.postUserMessage(world.channelId, PLAYER, 'mine');
    await overwrite(world.bot.userId, 1, { deny: PermissionFlagsBits.ManageMessages });
    await expect(channel.messages.delete(said.id)).rejects.toMatchObject({ code: 50013 });
  });

  it('validates overwrites: unknown role or member 404, bad bitfields 400', async () => {
    const { control } = world.sandbox;
    await expect(
      control.setPermissionOverwrite(world.channelId, '123456789012345678', { type: 0 }),
    ).rejects.toMatchObject({ status: 404, body: { code: 'UNKNOWN_ROLE' } });
    await expect(
      control.setPermissionOverwrite(world.channelId, '123456789012345678', { type: 1 }),
    ).rejects.toMatchObject({ status: 404, body: { code: 'UNKNOWN_MEMBER' } });
    const response = await fetch(
      `${world.sandbox.baseUrl}/_sandbox/channels/${world.channelId}/permissions/${world.guildId}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 0, deny: 'lots' }),
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('sandbox: mentions resolved through allowed_mentions', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ rateLimits: false });
  });
  afterAll(() => world.close());

  const post = async (body: unknown) => {
    const response = await fetch(
      `${world.sandbox.apiUrl}/v10/channels/${world.channelId}/messages`,
      {
        method: 'POST',
        headers: { authorization: `Bot ${world.bot.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('pings only the roles allowed_mentions lets through', async () => {
    const restock = await world.sandbox.control.createRole(world.guildId, 'Restock');
    const other = await world.sandbox.control.createRole(world.guildId, 'Other');
    const content = `<@&${restock}> <@&${other}> @everyone back in stock`;
    const limited = await post({ content, allowed_mentions: { parse: [], roles: [restock] } });
    expect(limited.body).toMatchObject({
      mention_roles: [restock],
      mention_everyone: false,
      mentions: [],
    });
    const open = await post({ content });
    expect(open.body).toMatchObject({ mention_roles: [restock, other], mention_everyone: true });
    const none = await post({ content, allowed_mentions: { parse: [] } });
    expect(none.body).toMatchObject({ mention_roles: [], mention_everyone: false });
  });

  it('answers malformed allowed_mentions with 50035', async () => {
    for (const allowed of [
      { parse: ['roles'], roles: ['123456789012345678'] },
      { parse: ['nobody'] },
      { roles: 'x' },
      'all',
    ]) {
      const answer = await post({ content: 'x', allowed_mentions: allowed });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 50035 });
    }
  });
});
