import { Events } from 'discord.js';
import { newClient, startWorld, World } from './support/world';

describe('sandbox: logging in', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ rateLimits: false });
  });
  afterAll(() => world.close());

  it('brings a discord.js client to clientReady with its guild and channel cached', async () => {
    const client = await world.login();
    expect(client.user?.id).toBe(world.bot.userId);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(world.bot.applicationId);
    const guild = client.guilds.cache.get(world.guildId);
    expect(guild?.name).toBe('Test Guild');
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(world.channelId)?.name).toBe('general');

    const stats = await world.sandbox.control.stats();
    expect(stats.gateway.sessions).toEqual([
      expect.objectContaining({ botUserId: world.bot.userId, shard: [0, 1], connected: true }),
    ]);
  });

  it('announces a guild the bot joins later with GUILD_CREATE', async () => {
    const client = world.clients[0];
    const guildId = await world.sandbox.control.createGuild('Joined Later');
    await world.sandbox.control.createChannel(guildId, 'lobby');
    const created = new Promise((resolve) => client.once(Events.GuildCreate, resolve));
    const { announced } = await world.sandbox.control.addBotToGuild(guildId, world.bot.userId);
    expect(announced).toBe(1);
    await created;
    expect(client.guilds.cache.get(guildId)?.channels.cache.first()?.name).toBe('lobby');
  });

  it('rejects a bad token: REST login fails and the gateway closes with 4004', async () => {
    const client = newClient(world.sandbox);
    await expect(client.login('not-a-real-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await client.destroy();

    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`${world.sandbox.gatewayUrl}?v=10&encoding=json`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('message', (data: Buffer) => {
      const payload = JSON.parse(data.toString()) as { op: number };
      if (payload.op === 10) {
        ws.send(JSON.stringify({ op: 2, d: { token: 'bad', intents: 1, properties: {} } }));
      }
    });
    await expect(closed).resolves.toBe(4004);
  });
});
