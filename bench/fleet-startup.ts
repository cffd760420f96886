/**
 * Fleet start-up against the Discord sandbox, two worlds:
 *   small — 50 bots in one guild, in one worker process:
 *     1. time from the start requests until every bot is `online` (login, READY, guilds, the
 *        slash commands registered by the worker's plugins);
 *     2. the worker's RSS per bot: (RSS with 50 bots online − RSS idle) / 50;
 *     3. takeover: a second worker joins, the first is SIGKILLed, time until all 50 are online
 *        again on the second; then SIGTERM, time until it logged them out and exited.
 *   large — 100 bots, each in the same 100 guilds of 1 000 members (5 channels each): time
 *     until all are online and RSS per bot as above (target ≤ 2 MiB), a `/botinfo` answered
 *     with the right guild count, and beside it the anchor: 100 bare discord.js clients with
 *     discord.js's default caches, in a process of their own (bench/fleet-bare-clients.ts),
 *     logged in to the same world with their own bot accounts after the worker has stopped.
 *     Guilds arrive as Discord sends them to these bots (intent Guilds only, so `large` and
 *     only the bot's own member; the other members exist, counted in `member_count`).
 * The sandbox (with Discord's rate limits) and the bookkeeping run here; the worker is a real
 * child process (apps/worker/src/main.ts under ts-node), so its RSS is its own. The database
 * and Redis prefix are throwaway ones, removed at the end. BOT_* variables pass through, e.g.
 * BOT_LOGIN_CONCURRENCY=10 npm run bench:fleet.
 *
 * Run: npm run bench:fleet            (both worlds)
 *      npm run bench:fleet -- small   (or -- large: one of them)
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { Client as Pg } from 'pg';
import { parseTokenKeys, TokenCipher } from '@botdeck/bot-config';
import { startSandbox, type RunningSandbox, type SandboxSeed } from '@botdeck/discord-sandbox';
import { spawnWorker, type WorkerProcess } from '../test/support/worker-process';
import { forkBenchProcess } from './support/load';
import { runBench, throwawayStores, type Throwaway } from './support/throwaway';
import { BENCH_TOKEN_KEYS } from './support/bots';

const SMALL_BOTS = 50;
const LARGE = { bots: 100, guilds: 100, members: 1000, channels: 5 };
const LARGE_TARGET_MIB_PER_BOT = 2;
const ONLINE_TIMEOUT_MS = 180_000;
/** Time for a process's heap to settle before its RSS is read. */
const SETTLE_MS = 3_000;

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) / 1024;
}

const perBot = (idle: number, busy: number, bots: number) =>
  `idle ${idle.toFixed(1)} MiB, with ${bots} bots ${busy.toFixed(1)} MiB → ` +
  `${(((busy - idle) * 1024) / bots).toFixed(0)} KiB per bot`;

/** The pieces one world's run needs: its stores, its sandbox and a worker environment. */
interface Fleet {
  stores: Throwaway;
  sandbox: RunningSandbox;
  pg: Pg;
  env: Record<string, string>;
  close(): Promise<void>;
}

async function openFleet(name: string, seed?: SandboxSeed): Promise<Fleet> {
  const stores = await throwawayStores(name);
  const sandbox = await startSandbox({ seed });
  const pg = new Pg({ connectionString: stores.databaseUrl });
  await pg.connect();
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: stores.databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_URL: stores.redisUrl,
    REDIS_KEY_PREFIX: stores.prefix,
    DISCORD_API_URL: sandbox.baseUrl,
    BOT_TOKEN_KEYS: BENCH_TOKEN_KEYS,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
  };
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('BOT_') && value !== undefined) env[key] = value;
  }
  return {
    stores,
    sandbox,
    pg,
    env,
    close: async () => {
      await pg.end();
      await sandbox.stop();
      await stores.drop();
    },
  };
}

/** Stores bots through Botdeck's own sealing, as the API would; returns their Botdeck ids. */
async function registerBots(fleet: Fleet, bots: { name: string; token: string }[]) {
  const cipher = new TokenCipher(parseTokenKeys(BENCH_TOKEN_KEYS));
  const ids: string[] = [];
  for (const bot of bots) {
    const id = randomUUID();
    const sealed = cipher.seal(bot.token, id);
    await fleet.pg.query(
      `INSERT INTO bots (id, name, token_key_id, token_sealed, token_last4)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, bot.name, sealed.keyId, sealed.sealed, bot.token.slice(-4)],
    );
    await fleet.pg.query(`INSERT INTO bot_runtime_states (bot_id) VALUES ($1)`, [id]);
    ids.push(id);
  }
  return ids;
}

/** Asks for every bot to run, as the API's start does, and waits until all are online. */
async function startAll(fleet: Fleet, ids: string[]) {
  const { pg, stores } = fleet;
  const started = performance.now();
  await pg.query(`UPDATE bot_runtime_states SET desired_state = 'running'`);
  // The nudge the API sends after a start request.
  const redis = new Redis(stores.redisUrl);
  for (const botId of ids) {
    await redis.publish(
      `${stores.prefix}events`,
      JSON.stringify({
        type: 'bot.desired',
        payload: { botId, desiredState: 'running', restart: false },
        at: new Date().toISOString(),
      }),
    );
  }
  redis.disconnect();
  let online = 0;
  let firstOnlineMs = Number.NaN;
  while (online < ids.length) {
    if (performance.now() - started > ONLINE_TIMEOUT_MS) break;
    const { rows } = await pg.query<{ n: string }>(
      `SELECT count(*) AS n FROM bot_runtime_states WHERE status = 'online'`,
    );
    online = Number(rows[0].n);
    if (online > 0 && Number.isNaN(firstOnlineMs)) firstOnlineMs = performance.now() - started;
    if (online < ids.length) await sleep(20);
  }
  const allOnlineMs = performance.now() - started;
  const { rows: others } = await pg.query<{ status: string; n: string }>(
    `SELECT status, count(*) AS n FROM bot_runtime_states WHERE status <> 'online' GROUP BY status`,
  );
  const elsewhere = others.map((row) => `${row.n} ${row.status}`).join(', ');
  return {
    online: `${online}/${ids.length}${elsewhere ? ` (others: ${elsewhere})` : ''}`,
    firstOnlineMs,
    allOnlineMs,
  };
}

function printConcurrency(): void {
  console.log(
    `  login concurrency ${process.env.BOT_LOGIN_CONCURRENCY ?? '5 (default)'}, ` +
      `claim batch ${process.env.BOT_CLAIM_BATCH ?? '10 (default)'}`,
  );
}

async function smallWorld(): Promise<void> {
  const fleet = await openFleet('fleet');
  const { sandbox, pg, env } = fleet;
  let worker: WorkerProcess | undefined;
  try {
    const guildId = await sandbox.control.createGuild('Bench Guild');
    await sandbox.control.createChannel(guildId, 'general');
    const bots: { name: string; token: string }[] = [];
    for (let i = 0; i < SMALL_BOTS; i++) {
      const created = await sandbox.control.createBot(`bench-${i}`);
      await sandbox.control.addBotToGuild(guildId, created.userId);
      bots.push({ name: `bench-${i}`, token: created.token });
    }
    const ids = await registerBots(fleet, bots);

    worker = await spawnWorker(env);
    await sleep(SETTLE_MS);
    const idleRss = rssMiB(worker.pid);
    const start = await startAll(fleet, ids);
    await sleep(2_000);
    const busyRss = rssMiB(worker.pid);

    // Takeover: a second worker joins, the first is SIGKILLed; its bots come back on the
    // second once their leases expire (BOT_LEASE_TTL_MS) and its next pass claims them.
    const standby = await spawnWorker(env);
    const killedAt = new Date();
    const killStarted = performance.now();
    worker.kill('SIGKILL');
    await worker.exited;
    worker = standby;
    let back = 0;
    while (back < SMALL_BOTS && performance.now() - killStarted < ONLINE_TIMEOUT_MS) {
      const { rows } = await pg.query<{ n: string }>(
        `SELECT count(*) AS n FROM bot_runtime_states
          WHERE status = 'online' AND status_changed_at > $1`,
        [killedAt],
      );
      back = Number(rows[0].n);
      if (back < SMALL_BOTS) await sleep(50);
    }
    const takeoverMs = performance.now() - killStarted;

    const stopStarted = performance.now();
    worker.kill('SIGTERM');
    await worker.exited;
    const shutdownMs = performance.now() - stopStarted;
    worker = undefined;

    console.log(`fleet start-up, ${SMALL_BOTS} bots in one guild, one worker (rate limits on)`);
    printConcurrency();
    console.log(`  online: ${start.online}`);
    console.log(`  first bot online after ${start.firstOnlineMs.toFixed(0)} ms`);
    console.log(`  all bots online after  ${start.allOnlineMs.toFixed(0)} ms`);
    console.log(`  worker RSS: ${perBot(idleRss, busyRss, SMALL_BOTS)}`);
    console.log(
      `  SIGKILL of that worker → ${back}/${SMALL_BOTS} online again on a second worker after ` +
        `${takeoverMs.toFixed(0)} ms (lease TTL ${process.env.BOT_LEASE_TTL_MS ?? '15000 (default)'} ms)`,
    );
    console.log(
      `  SIGTERM → all ${SMALL_BOTS} logged out and the second worker exited in ${shutdownMs.toFixed(0)} ms`,
    );
  } finally {
    worker?.kill('SIGKILL');
    await fleet.close();
  }
}

const epoch = BigInt(Date.now() - 1_420_070_400_000) << 22n;
/** A snowflake-shaped id, fixed in the seed so the bench knows it without asking. */
const snowflake = (n: number) => (epoch + BigInt(n)).toString();

/** Fixed ids and a Discord-shaped token for the i-th seeded bot. */
function seededBot(i: number) {
  const userId = snowflake(i);
  const token = `${Buffer.from(userId).toString('base64url')}.bench.${randomBytes(27).toString('base64url')}`;
  return { username: `large-${i}`, userId, applicationId: userId, token };
}

async function largeWorld(): Promise<void> {
  // Twice the bots: the first half for Botdeck's worker, the second for the bare anchor.
  const bots = Array.from({ length: 2 * LARGE.bots }, (_, i) => seededBot(i));
  const channels = ['general', 'announcements', 'support', 'off-topic', 'logs'];
  const seed: SandboxSeed = {
    bots,
    guilds: Array.from({ length: LARGE.guilds }, (_, g) => ({
      id: snowflake(10_000 + g),
      name: `Large Guild ${g}`,
      channels: channels
        .slice(0, LARGE.channels)
        .map((name, c) => ({ id: snowflake(20_000 + g * LARGE.channels + c), name })),
      bots: bots.map((bot) => bot.userId),
      members: LARGE.members,
    })),
  };
  const seedStarted = performance.now();
  const fleet = await openFleet('fleet_large', seed);
  const seedMs = performance.now() - seedStarted;
  const managed = bots.slice(0, LARGE.bots);
  const bare = bots.slice(LARGE.bots);
  let worker: WorkerProcess | undefined;
  let anchor: ChildProcess | undefined;
  try {
    const ids = await registerBots(
      fleet,
      managed.map((bot) => ({ name: bot.username, token: bot.token })),
    );
    worker = await spawnWorker(fleet.env);
    await sleep(SETTLE_MS);
    const idleRss = rssMiB(worker.pid);
    const start = await startAll(fleet, ids);
    await sleep(SETTLE_MS);
    const busyRss = rssMiB(worker.pid);

    const played = await fleet.sandbox.control.playInteraction({
      command: 'botinfo',
      waitMs: 5_000,
      applicationId: managed[0].applicationId,
      guildId: snowflake(10_000),
      channelId: snowflake(20_000),
      user: { id: '300000000000000001', username: 'bench-user' },
    });
    const botinfo = /Guilds: (\d+)/.exec(played.response?.content ?? '')?.[1] ?? 'no answer';

    worker.kill('SIGTERM');
    await worker.exited;
    worker = undefined;

    anchor = await forkBenchProcess('fleet-bare-clients.ts', [fleet.sandbox.apiUrl]);
    await sleep(SETTLE_MS);
    const bareIdle = rssMiB(anchor.pid!);
    const answer = new Promise<{ online: number; ms: number }>((resolve) =>
      anchor!.once('message', (message) => resolve(message as { online: number; ms: number })),
    );
    anchor.send({
      tokens: bare.map((bot) => bot.token),
      concurrency: Number(process.env.BOT_LOGIN_CONCURRENCY ?? 5),
    });
    const bareOnline = await answer;
    await sleep(SETTLE_MS);
    const bareBusy = rssMiB(anchor.pid!);

    const mib = ((busyRss - idleRss) / LARGE.bots).toFixed(2);
    console.log(
      `fleet start-up, ${LARGE.bots} bots each in ${LARGE.guilds} guilds of ${LARGE.members} ` +
        `members (${LARGE.channels} channels each), one worker (rate limits on)`,
    );
    printConcurrency();
    console.log(`  sandbox seeded in ${seedMs.toFixed(0)} ms`);
    console.log(`  online: ${start.online}`);
    console.log(`  first bot online after ${start.firstOnlineMs.toFixed(0)} ms`);
    console.log(`  all bots online after  ${start.allOnlineMs.toFixed(0)} ms`);
    console.log(
      `  worker RSS: ${perBot(idleRss, busyRss, LARGE.bots)} = ${mib} MiB per bot ` +
        `(target ≤ ${LARGE_TARGET_MIB_PER_BOT} MiB: ${Number(mib) <= LARGE_TARGET_MIB_PER_BOT ? 'met' : 'NOT met'})`,
    );
    console.log(`  /botinfo on one bot: Guilds ${botinfo} (expected ${LARGE.guilds})`);
    console.log(
      `  anchor, ${LARGE.bots} bare discord.js clients, default caches: ${bareOnline.online} online ` +
        `after ${bareOnline.ms} ms; RSS ${perBot(bareIdle, bareBusy, LARGE.bots)}`,
    );
  } finally {
    worker?.kill('SIGKILL');
    if (anchor && anchor.exitCode === null) anchor.kill('SIGKILL');
    await fleet.close();
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only && only !== 'small' && only !== 'large') throw new Error('usage: [small|large]');
  if (only !== 'large') await smallWorld();
  if (only !== 'small') await largeWorld();
}

runBench(main);
