import { leaseKey, unitKey, WorkerIdentity } from '@botdeck/bot-runtime';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { authHeader } from '../support/auth';
import { eventually, until } from '../support/eventually';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { type RuntimeWorld, startRuntimeWorld, TEST_RUNTIME_ENV } from './support/runtime-world';

const TTL_MS = Number(TEST_RUNTIME_ENV.BOT_LEASE_TTL_MS);
const MAX_CONCURRENCY = 4;
const PLAYER = { id: '200000000000000015', username: 'shard-player' };

interface ShardsBody {
  bot: { status: string };
  shardCountSetting: 'auto' | number;
  shardCount: number;
  shards: Array<{
    shardId: number;
    status: string;
    workerId: string | null;
    pingMs: number | null;
    guilds: number | null;
  }>;
}

function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * Sharded bots over two real worker processes against a sandbox that paces IDENTIFY per
 * `shard_id % max_concurrency` bucket (max_concurrency 4, so one bucket's shards must wait 5 s
 * for each other while the buckets identify together) and recommends one shard per 2 guilds.
 */
describe('Bot runtime: sharded bots across workers', () => {
  let world: RuntimeWorld;
  let redis: Redis;
  /** A real process (the one SIGKILLed) and a worker inside this process. */
  let spawned: WorkerProcess;
  let survivorId: string;
  const pids: number[] = [];

  beforeAll(async () => {
    world = await startRuntimeWorld({
      maxConcurrency: MAX_CONCURRENCY,
      identifyPacing: true,
      guildsPerShard: 2,
      // Pings are reported after the first heartbeat ACK.
      heartbeatIntervalMs: 1_000,
    });
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      keyPrefix: world.env.REDIS_KEY_PREFIX,
    });
    // Small claim batches so both workers end up with a share.
    const env = { BOT_CLAIM_BATCH: '2' };
    spawned = await spawnWorker({ ...world.env, ...env });
    survivorId = (await world.startWorker(env)).get(WorkerIdentity).id;
    pids.push(spawned.pid, process.pid);
  }, 120_000);
  afterAll(async () => {
    spawned?.kill('SIGKILL');
    await spawned?.exited;
    redis?.disconnect();
    await world?.close();
  });

  /** A sandbox bot in `guilds` new guilds (each with a channel), configured with `shardCount`. */
  async function createShardedBot(shardCount: 'auto' | number, guildIds: string[]) {
    const name = `sharded-${Math.random().toString(16).slice(2, 8)}`;
    const created = await world.sandbox.control.createBot(name);
    for (const guildId of guildIds)
      await world.sandbox.control.addBotToGuild(guildId, created.userId);
    const res = await request(world.api.url)
      .post('/api/v1/bots')
      .set(authHeader(world.operator))
      .send({ name, token: created.token, shardCount });
    expect(res.status).toBe(201);
    return { id: (res.body as { id: string }).id, sandbox: created };
  }

  /** New guilds (with a channel each) until every one of `count` shards has `perShard`. */
  async function guildsOnEveryShard(count: number, perShard: number) {
    const byShard = new Map<number, Array<{ guildId: string; channelId: string }>>();
    while ([...Array(count).keys()].some((shard) => (byShard.get(shard)?.length ?? 0) < perShard)) {
      const guildId = await world.sandbox.control.createGuild('Shard Guild');
      const shard = shardOf(guildId, count);
      const list = byShard.get(shard) ?? [];
      if (list.length >= perShard) continue;
      const channelId = await world.sandbox.control.createChannel(guildId, 'general');
      list.push({ guildId, channelId });
      byShard.set(shard, list);
    }
    return byShard;
  }

  async function shardsOf(botId: string): Promise<ShardsBody> {
    const res = await request(world.api.url)
      .get(`/api/v1/bots/${botId}/shards`)
      .set(authHeader(world.operator))
      .expect(200);
    return res.body as ShardsBody;
  }

  async function holderPids(keys: string[]): Promise<(number | null)[]> {
    const holders = await redis.mget(...keys.map(leaseKey));
    return holders.map((holder) => (holder ? Number(/-(\d+)-[0-9a-f]+$/.exec(holder)?.[1]) : null));
  }

  it('paces IDENTIFY per max_concurrency bucket across workers: 8 shards, never too early', async () => {
    const bot = await createShardedBot(8, [world.guildId]);
    const firstSeen = new Map<string, { shard: number; at: number }>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const stats = await world.sandbox.control.stats();
        for (const session of stats.gateway.sessions) {
          if (session.botUserId !== bot.sandbox.userId || firstSeen.has(session.sessionId))
            continue;
          firstSeen.set(session.sessionId, { shard: session.shard[0], at: Date.now() });
        }
        await sleep(50);
      }
    })();
    const startedAt = Date.now();
    await world.lifecycle('start', bot.id);
    await world.waitForStatus(bot.id, ['online'], 30_000).catch((error: unknown) => {
      watching = false;
      throw error;
    });
    const tookMs = Date.now() - startedAt;
    // The last shard may turn the bot online between two polls: watch until it is seen too.
    await eventually(
      'every shard seen by the watcher',
      () => {
        if (firstSeen.size < 8) throw new Error(`${firstSeen.size} of 8 seen`);
      },
      { timeoutMs: 2_000 },
    ).finally(() => (watching = false));
    await watcher;

    const stats = await world.sandbox.control.stats();
    expect(stats.gateway.identifiesTooEarly[bot.sandbox.userId] ?? 0).toBe(0);
    // Two groups: shards 0–3 together, 4–7 one window later.
    expect(tookMs).toBeGreaterThanOrEqual(5_000);
    expect(tookMs).toBeLessThan(15_000);
    const seen = [...firstSeen.values()];
    expect(seen.map((entry) => entry.shard).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (let bucket = 0; bucket < MAX_CONCURRENCY; bucket++) {
      const [first, second] = seen
        .filter((entry) => entry.shard % MAX_CONCURRENCY === bucket)
        .map((entry) => entry.at)
        .sort((a, b) => a - b);
      // Seen by polling every 50 ms: allow for the poll's own lag.
      expect(second - first).toBeGreaterThanOrEqual(4_800);
    }
    // Both workers took a share, each shard on exactly one.
    const holders = await holderPids([...Array(8).keys()].map((shard) => unitKey(bot.id, shard)));
    expect(new Set(holders)).toEqual(new Set(pids));
    // Bot-wide work is shard 0's: its commands were registered once, not once per shard.
    const registrations = stats.http.routes
      .filter(
        (row) =>
          row.route === 'PUT /applications/:applicationId/commands' &&
          row.botUserId === bot.sandbox.userId,
      )
      .reduce((sum, row) => sum + row.requests, 0);
    expect(registrations).toBe(1);
    await world.lifecycle('stop', bot.id);
    await world.waitForStatus(bot.id, ['stopped'], 10_000);
  }, 45_000);

  it('serves /ping on every shard of an auto-sharded bot, shows each shard, and takes a killed worker’s shards over within TTL + 5 s', async () => {
    // Two guilds per shard: `auto` reads 4 shards from the sandbox's recommendation.
    const byShard = await guildsOnEveryShard(4, 2);
    const guilds = [...byShard.values()].flat();
    const bot = await createShardedBot(
      'auto',
      guilds.map((guild) => guild.guildId),
    );
    await world.lifecycle('start', bot.id);
    await world.waitForStatus(bot.id, ['online'], 20_000);

    const view = await until(
      'every shard online with its ping',
      () => shardsOf(bot.id),
      (body) => body.shards.every((shard) => shard.status === 'online' && shard.pingMs !== null),
      { timeoutMs: 10_000, intervalMs: 200 },
    );
    expect(view).toMatchObject({
      bot: { status: 'online' },
      shardCountSetting: 'auto',
      shardCount: 4,
    });
    expect(view.shards.map((shard) => shard.guilds)).toEqual([2, 2, 2, 2]);
    const shardWorkers = new Set(view.shards.map((shard) => shard.workerId));
    expect(shardWorkers.size).toBe(2);

    for (const [shard, [{ guildId, channelId }]] of byShard) {
      const played = await world.sandbox.control.playInteraction({
        applicationId: bot.sandbox.applicationId,
        guildId,
        channelId,
        user: PLAYER,
        command: 'ping',
      });
      expect({ shard, delivered: played.delivered }).toEqual({ shard, delivered: true });
      expect(played.response?.content).toMatch(/^Pong! Gateway: /);
    }

    const keys = [0, 1, 2, 3].map((shard) => unitKey(bot.id, shard));
    const holders = await holderPids(keys);
    const victimShards = keys.filter((_, index) => holders[index] === spawned.pid);
    expect(victimShards.length).toBeGreaterThan(0);

    const killedAt = Date.now();
    spawned.kill('SIGKILL');
    await spawned.exited;
    // Read side: a dead worker's shards are not shown online once their leases lapse.
    const lapsed = await until(
      'the bot read as unknown after the leases lapsed',
      () => shardsOf(bot.id),
      (body) => body.bot.status === 'unknown' || body.bot.status === 'starting',
      { timeoutMs: TTL_MS + 2_000, intervalMs: 100 },
    );
    expect(lapsed.shards.some((shard) => shard.status !== 'online')).toBe(true);
    const back = await until(
      'every shard back online on the survivor',
      async () => ({ pids: await holderPids(keys), view: await shardsOf(bot.id) }),
      ({ pids: now, view: body }) =>
        now.every((pid) => pid === process.pid) &&
        body.bot.status === 'online' &&
        body.shards.every((shard) => shard.status === 'online' && shard.workerId === survivorId),
      { timeoutMs: killedAt + TTL_MS + 5_000 - Date.now(), intervalMs: 200 },
    ).catch(() => null);
    expect(back).not.toBeNull();
    const connected = (await world.sandbox.control.stats()).gateway.sessions.filter(
      (session) => session.connected && session.botUserId === bot.sandbox.userId,
    );
    expect(connected.map((session) => session.shard[0]).sort()).toEqual([0, 1, 2, 3]);
    // A guild on a shard the killed worker ran is served again.
    const movedShard = Number(victimShards[0].split(':shard:')[1]);
    const [{ guildId, channelId }] = byShard.get(movedShard)!;
    const played = await world.sandbox.control.playInteraction({
      applicationId: bot.sandbox.applicationId,
      guildId,
      channelId,
      user: PLAYER,
      command: 'ping',
    });
    expect(played.response?.content).toMatch(/^Pong! Gateway: /);
  }, 60_000);

  it('re-shards a running bot when its shard count changes, and refuses a bad count', async () => {
    const byShard = await guildsOnEveryShard(2, 1);
    const guilds = [...byShard.values()].flat();
    const bot = await createShardedBot(
      2,
      guilds.map((guild) => guild.guildId),
    );
    await world.lifecycle('start', bot.id);
    await world.waitForStatus(bot.id, ['online'], 20_000);
    const read = await request(world.api.url)
      .get(`/api/v1/bots/${bot.id}`)
      .set(authHeader(world.operator))
      .expect(200);
    const { version } = read.body as { version: number; shardCount: number };
    expect(read.body).toMatchObject({ shardCount: 2 });

    for (const shardCount of [0, 1025, 1.5, 'many', null]) {
      const res = await request(world.api.url)
        .patch(`/api/v1/bots/${bot.id}`)
        .set(authHeader(world.operator))
        .send({ version, shardCount });
      expect({ shardCount, status: res.status, code: (res.body as { code: string }).code }).toEqual(
        {
          shardCount,
          status: 400,
          code: 'VALIDATION_FAILED',
        },
      );
    }
    const patched = await request(world.api.url)
      .patch(`/api/v1/bots/${bot.id}`)
      .set(authHeader(world.operator))
      .send({ version, shardCount: 3 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ shardCount: 3 });

    const resharded = await until(
      'the bot online again with 3 shards',
      () => shardsOf(bot.id),
      (body) =>
        body.shardCount === 3 &&
        body.bot.status === 'online' &&
        body.shards.every((shard) => shard.status === 'online'),
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    expect(resharded.shards.map((shard) => shard.status)).toEqual(['online', 'online', 'online']);
    const connected = (await world.sandbox.control.stats()).gateway.sessions.filter(
      (session) => session.connected && session.botUserId === bot.sandbox.userId,
    );
    expect(connected.map((session) => session.shard).sort()).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  }, 30_000);
});
