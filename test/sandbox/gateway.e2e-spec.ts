import { Client, Events, GatewayIntentBits, Message } from 'discord.js';
import { WebSocket } from 'ws';
import { nextEvent, PLAYER, startWorld, World } from './support/world';

/** Collects the debug lines discord.js writes, to see what its gateway code decided. */
function debugLog(client: Client): string[] {
  const lines: string[] = [];
  client.on(Events.Debug, (line) => lines.push(line));
  return lines;
}

describe('sandbox: gateway resilience', () => {
  let world: World;
  let client: Client;
  let debug: string[];

  beforeAll(async () => {
    // A 300 ms heartbeat makes a zombie connection show within about a second.
    world = await startWorld({ rateLimits: false, heartbeatIntervalMs: 300 });
    client = await world.login({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
      ],
    });
    debug = debugLog(client);
  });
  afterAll(() => world.close());

  const sessions = async () => (await world.sandbox.control.stats()).gateway.sessions;

  it('resumes a dropped connection and replays a dispatch sent while it was down', async () => {
    const [before] = await sessions();
    const resumed = nextEvent(client, Events.ShardResume);
    const { closed } = await world.sandbox.control.closeGateway(world.bot.userId, 4000);
    expect(closed).toBe(1);
    // Sent while the socket is closed: the session buffers it for RESUME.
    const missed = nextEvent<[Message]>(
      client,
      Events.MessageCreate,
      (m) => m.content === 'while you were out',
    );
    await world.sandbox.control.postUserMessage(world.channelId, PLAYER, 'while you were out');
    expect((await sessions())[0].connected).toBe(false);

    await resumed;
    const [message] = await missed;
    expect(message.author.id).toBe(PLAYER.id);
    const [after] = await sessions();
    expect(after.sessionId).toBe(before.sessionId);
    expect(after.connected).toBe(true);
    // discord.js counts RESUMED itself among the replayed events: 1 missed + RESUMED = 2.
    expect(debug.some((line) => line.includes('Resumed and replayed 2 events'))).toBe(true);
  });

  it('lets the client detect a zombie connection (no heartbeat ACKs) and resume', async () => {
    const [before] = await sessions();
    const resumed = nextEvent(client, Events.ShardResume, () => true, 5000);
    const { connections } = await world.sandbox.control.setHeartbeatAcks(world.bot.userId, false);
    expect(connections).toBe(1);
    await resumed;
    expect(debug.some((line) => line.includes('Zombie connection'))).toBe(true);
    const [after] = await sessions();
    expect(after).toMatchObject({ sessionId: before.sessionId, connected: true });

    // The new connection acks again, and the client still gets events.
    const created = nextEvent<[Message]>(client, Events.MessageCreate, (m) => m.content === 'back');
    await world.sandbox.control.postUserMessage(world.channelId, PLAYER, 'back');
    await created;
  });

  it('reconnects and resumes when asked with op 7', async () => {
    const resumed = nextEvent(client, Events.ShardResume);
    expect((await world.sandbox.control.requestReconnect(world.bot.userId)).sent).toBe(1);
    await resumed;
    expect(debug.some((line) => line.includes('Told to reconnect by Discord'))).toBe(true);
  });

  it('resumes on the same socket after a resumable INVALID_SESSION (op 9, d: true)', async () => {
    const [before] = await sessions();
    const resumed = nextEvent(client, Events.ShardResume);
    const response = await fetch(
      `${world.sandbox.baseUrl}/_sandbox/bots/${world.bot.userId}/gateway/invalidate-session`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"resumable":true}',
      },
    );
    expect(await response.json()).toEqual({ sent: 1 });
    await resumed;
    expect(
      debug.some((line) => line.includes('Invalid session; will attempt to resume: true')),
    ).toBe(true);
    expect((await sessions())[0]).toMatchObject({ sessionId: before.sessionId, connected: true });
  });

  describe('close codes for a raw client', () => {
    /** Connects, waits for HELLO, sends `identify` and returns the close code. */
    const identifyAndClose = (d: Record<string, unknown>) =>
      new Promise<{ code: number; hello: number }>((resolve, reject) => {
        const ws = new WebSocket(`${world.sandbox.gatewayUrl}?v=10&encoding=json`);
        let hello = 0;
        ws.on('message', (data: Buffer) => {
          const payload = JSON.parse(data.toString()) as {
            op: number;
            d: { heartbeat_interval: number };
          };
          if (payload.op === 10) {
            hello = payload.d.heartbeat_interval;
            ws.send(JSON.stringify({ op: 2, d: { properties: {}, ...d } }));
          }
        });
        ws.on('close', (code) => resolve({ code, hello }));
        ws.on('error', reject);
      });

    it('closes with 4004 for a bad token, 4013 for unknown intents, 4014 for disallowed ones', async () => {
      await expect(identifyAndClose({ token: 'nope', intents: 1 })).resolves.toEqual({
        code: 4004,
        hello: 300,
      });
      await expect(
        identifyAndClose({ token: world.bot.token, intents: 1 << 30 }),
      ).resolves.toMatchObject({
        code: 4013,
      });
      const restricted = await world.sandbox.control.createBot('no-privileges', {
        privilegedIntents: false,
      });
      await expect(
        identifyAndClose({ token: restricted.token, intents: GatewayIntentBits.MessageContent }),
      ).resolves.toMatchObject({ code: 4014 });
      await expect(
        identifyAndClose({ token: world.bot.token, intents: 1, shard: [2, 2] }),
      ).resolves.toMatchObject({
        code: 4010,
      });
    });
  });
});

describe('sandbox: shards', () => {
  let world: World;

  beforeAll(async () => {
    // max_concurrency 2 lets both shards identify at once instead of 5 s apart.
    world = await startWorld({ rateLimits: false, maxConcurrency: 2 });
  });
  afterAll(() => world.close());

  it('routes each guild and its events to shard (guild_id >> 22) % 2', async () => {
    const { control } = world.sandbox;
    const guilds: Record<number, string> = {};
    // Guild ids carry their creation millisecond; make guilds until both parities exist.
    for (let i = 0; i < 50 && Object.keys(guilds).length < 2; i++) {
      const id = await control.createGuild(`guild ${i}`);
      guilds[Number((BigInt(id) >> 22n) % 2n)] ??= id;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(Object.keys(guilds).sort()).toEqual(['0', '1']);
    const channels: Record<number, string> = {};
    for (const shard of [0, 1]) {
      channels[shard] = await control.createChannel(guilds[shard], 'general');
      await control.addBotToGuild(guilds[shard], world.bot.userId);
    }

    const client = await world.login({ shards: [0, 1], shardCount: 2 });
    await client.application!.commands.set([{ name: 'where', description: 'Which shard?' }]);
    expect(client.guilds.cache.get(guilds[0])?.shardId).toBe(0);
    expect(client.guilds.cache.get(guilds[1])?.shardId).toBe(1);

    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand())
        void interaction.reply(`shard ${interaction.guild!.shardId}`);
    });
    for (const shard of [0, 1]) {
      const played = await control.playInteraction({
        applicationId: world.bot.applicationId,
        guildId: guilds[shard],
        channelId: channels[shard],
        user: PLAYER,
        command: 'where',
      });
      expect(played.response?.content).toBe(`shard ${shard}`);
    }
    const stats = await control.stats();
    expect(stats.gateway.sessions.map((s) => s.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});
