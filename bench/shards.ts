/**
 * Sharding: one bot in 10 000 guilds run as 8 shards over 2 worker processes, against the
 * sandbox with Discord's rate limits and identify pacing (`max_concurrency` per 5 s per bucket).
 *   1. time from the start request until all 8 shards are `online`, next to the identify bound
 *      (ceil(8 / max_concurrency) groups × 5 s: Discord lets no faster start happen), and the
 *      ratio of the two;
 *   2. each worker's RSS per shard: (RSS with its shards online − RSS idle) / its shards;
 *   3. IDENTIFYs the sandbox refused for coming too early (must be 0).
 * MAX_CONCURRENCY (default 1) sets the sandbox's `max_concurrency`. The workers are real child
 * processes; the database and Redis prefix are throwaway ones, removed at the end.
 *
 * Run: npm run bench:shards
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { Client as Pg } from 'pg';
import { startSandbox, type SandboxSeed } from '@botdeck/discord-sandbox';
import { spawnWorker, type WorkerProcess } from '../test/support/worker-process';
import { BENCH_TOKEN_KEYS, registerBots } from './support/bots';
import { runBench, throwawayStores } from './support/throwaway';

const GUILDS = 10_000;
const SHARDS = 8;
const WORKERS = 2;
const IDENTIFY_WINDOW_MS = 5_000;
const MAX_CONCURRENCY = Number(process.env.MAX_CONCURRENCY ?? 1);
const ONLINE_TIMEOUT_MS = 180_000;
/** Time for a process's heap to settle before its RSS is read. */
const SETTLE_MS = 3_000;

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) / 1024;
}

const epoch = BigInt(Date.now() - 1_420_070_400_000) << 22n;
/** Snowflake-shaped ids spread over time, so `(id >> 22) % 8` spreads guilds over shards. */
const snowflake = (n: number) => (epoch + (BigInt(n) << 22n) + BigInt(n)).toString();

async function main(): Promise<void> {
  const bot = {
    username: 'sharded-bench',
    userId: snowflake(0),
    applicationId: snowflake(0),
    token: `${Buffer.from(snowflake(0)).toString('base64url')}.bench.${randomBytes(27).toString('base64url')}`,
  };
  const seed: SandboxSeed = {
    bots: [bot],
    guilds: Array.from({ length: GUILDS }, (_, g) => ({
      id: snowflake(1 + g),
      name: `Guild ${g}`,
      channels: [{ id: snowflake(100_000 + g), name: 'general' }],
      bots: [bot.userId],
    })),
  };
  const seedStarted = performance.now();
  const sandbox = await startSandbox({ seed, maxConcurrency: MAX_CONCURRENCY });
  const seedMs = performance.now() - seedStarted;
  const stores = await throwawayStores('shards');
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
    // Small claim batches so both workers take a share of the shards.
    BOT_CLAIM_BATCH: '2',
  };
  const workers: WorkerProcess[] = [];
  try {
    const [id] = await registerBots(pg, BENCH_TOKEN_KEYS, [
      { name: bot.username, token: bot.token },
    ]);
    await pg.query(`UPDATE bots SET shard_count = $2 WHERE id = $1`, [id, SHARDS]);
    await pg.query(`INSERT INTO bot_runtime_states (bot_id) VALUES ($1)`, [id]);
    workers.push(...(await Promise.all(Array.from({ length: WORKERS }, () => spawnWorker(env)))));
    await sleep(SETTLE_MS);
    const idle = workers.map((worker) => rssMiB(worker.pid));

    const started = performance.now();
    await pg.query(`UPDATE bot_runtime_states SET desired_state = 'running' WHERE bot_id = $1`, [
      id,
    ]);
    const redis = new Redis(stores.redisUrl);
    await redis.publish(
      `${stores.prefix}events`,
      JSON.stringify({
        type: 'bot.desired',
        payload: { botId: id, desiredState: 'running', restart: false },
        at: new Date().toISOString(),
      }),
    );
    redis.disconnect();
    const readyAt: number[] = [];
    while (performance.now() - started < ONLINE_TIMEOUT_MS) {
      const { rows } = await pg.query<{ shard_id: number }>(
        `SELECT shard_id FROM bot_shard_states
          WHERE bot_id = $1 AND shard_count = $2 AND status = 'online'`,
        [id, SHARDS],
      );
      while (readyAt.length < rows.length) readyAt.push(performance.now() - started);
      if (rows.length === SHARDS) break;
      await sleep(20);
    }
    const allReadyMs = performance.now() - started;
    await sleep(SETTLE_MS);
    const busy = workers.map((worker) => rssMiB(worker.pid));
    const { rows: shardRows } = await pg.query<{
      shard_id: number;
      worker_id: string;
      guilds: number | null;
    }>(`SELECT shard_id, worker_id, guilds FROM bot_shard_states WHERE bot_id = $1 ORDER BY 1`, [
      id,
    ]);
    const { rows: botRows } = await pg.query<{ status: string }>(
      `SELECT status FROM bot_runtime_states WHERE bot_id = $1`,
      [id],
    );
    const stats = await sandbox.control.stats();

    const groups = Math.ceil(SHARDS / MAX_CONCURRENCY);
    const boundMs = groups * IDENTIFY_WINDOW_MS;
    console.log(
      `sharding: 1 bot in ${GUILDS} guilds as ${SHARDS} shards over ${WORKERS} workers, ` +
        `max_concurrency ${MAX_CONCURRENCY}, identify pacing and rate limits on`,
    );
    console.log(`  sandbox seeded in ${seedMs.toFixed(0)} ms`);
    console.log(
      `  shards online: ${readyAt.length}/${SHARDS} (bot ${botRows[0]?.status}); ` +
        `each after ${readyAt.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`,
    );
    console.log(
      `  all shards ready after ${(allReadyMs / 1000).toFixed(1)} s; identify bound ` +
        `${groups} groups × 5 s = ${boundMs / 1000} s → ratio ${(allReadyMs / boundMs).toFixed(2)}`,
    );
    console.log(
      `  IDENTIFYs refused as too early: ${stats.gateway.identifiesTooEarly[bot.userId] ?? 0}`,
    );
    for (const [index, worker] of workers.entries()) {
      const mine = shardRows.filter((row) => row.worker_id?.includes(`-${worker.pid}-`));
      const perShard = mine.length > 0 ? (busy[index] - idle[index]) / mine.length : Number.NaN;
      console.log(
        `  worker ${index + 1}: shards [${mine.map((row) => row.shard_id).join(', ')}] ` +
          `(${mine.map((row) => row.guilds ?? '?').join(', ')} guilds); RSS idle ` +
          `${idle[index].toFixed(1)} MiB, busy ${busy[index].toFixed(1)} MiB → ` +
          `${perShard.toFixed(1)} MiB per shard`,
      );
    }
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await pg.end();
    await sandbox.stop();
    await stores.drop();
  }
}

runBench(main);
