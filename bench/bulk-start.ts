/**
 * Bulk start of 500 sandbox bots through the API: `POST /api/v1/bulk/bots/start` with every
 * bot, then the time until the operation completed (every bot online, each item settled from
 * its `bot.status`), with the identify bound in force printed beside it: each worker logs in
 * at most BOT_LOGIN_CONCURRENCY bots at a time, and the sandbox paces each bot's IDENTIFY by
 * its `max_concurrency` (1 per 5 s per token; one shard per bot, so it never waits here).
 * The API runs in this process; the workers are real child processes sharing the fleet. The
 * database and Redis prefix are throwaway ones, removed at the end. BOT_* and BULK_* variables
 * pass through, e.g. BOT_LOGIN_CONCURRENCY=10 npm run bench:bulk.
 *
 * Run: npm run bench:bulk
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as Pg } from 'pg';
import { startSandbox } from '@botdeck/discord-sandbox';
import { createApiApp } from '../apps/api/src/bootstrap';
import { spawnWorker, type WorkerProcess } from '../test/support/worker-process';
import { registerBots } from './support/bots';
import { runBench, throwawayStores } from './support/throwaway';

const BOTS = Number(process.env.BENCH_BOTS ?? 500);
const WORKERS = 2;
const TIMEOUT_MS = 600_000;
const ADMIN = { email: 'bench@botdeck.local', password: 'bench-password-0123456789' };

async function main(): Promise<void> {
  const stores = await throwawayStores('bulk');
  const { databaseUrl, prefix } = stores;
  const sandbox = await startSandbox();
  const pg = new Pg({ connectionString: databaseUrl });
  await pg.connect();
  const workers: WorkerProcess[] = [];
  const tokenKeys = `bench-1:${Buffer.alloc(32, 9).toString('base64')}`;
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_KEY_PREFIX: prefix,
    DISCORD_API_URL: sandbox.baseUrl,
    BOT_TOKEN_KEYS: tokenKeys,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    BOT_MAX_PER_WORKER: String(Math.ceil(BOTS / WORKERS) + 50),
  };
  Object.assign(process.env, env);
  const api = await createApiApp();
  try {
    await api.listen(0, '127.0.0.1');
    const url = `${await api.getUrl()}/api/v1`;
    const guildId = await sandbox.control.createGuild('Bench Guild');
    await sandbox.control.createChannel(guildId, 'general');
    const bots: { name: string; token: string }[] = [];
    for (let i = 0; i < BOTS; i++) {
      const created = await sandbox.control.createBot(`bulk-${i}`);
      await sandbox.control.addBotToGuild(guildId, created.userId);
      bots.push({ name: `bulk-${i}`, token: created.token });
    }
    const ids = await registerBots(pg, tokenKeys, bots);
    for (let i = 0; i < WORKERS; i++) workers.push(await spawnWorker(env));

    const login = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };

    const started = performance.now();
    const accepted = await fetch(`${url}/bulk/bots/start`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ botIds: ids }),
    });
    const acceptedMs = performance.now() - started;
    const { operationId } = (await accepted.json()) as { operationId: string };
    let operation = { status: '', totals: { succeeded: 0, failed: 0, pending: BOTS } };
    let firstMs = Number.NaN;
    while (operation.status !== 'completed' && performance.now() - started < TIMEOUT_MS) {
      await sleep(100);
      const res = await fetch(`${url}/bulk/operations/${operationId}`, { headers: auth });
      operation = (await res.json()) as typeof operation;
      if (operation.totals.succeeded > 0 && Number.isNaN(firstMs)) {
        firstMs = performance.now() - started;
      }
    }
    const doneMs = performance.now() - started;
    const { rows } = await pg.query<{ n: string }>(
      `SELECT count(*) AS n FROM bot_runtime_states WHERE status = 'online'`,
    );

    const concurrency = Number(process.env.BOT_LOGIN_CONCURRENCY ?? 5);
    console.log(`bulk start of ${BOTS} sandbox bots through the API, ${WORKERS} workers`);
    console.log(
      `  identify bound: BOT_LOGIN_CONCURRENCY ${concurrency} per worker ` +
        `(${concurrency * WORKERS} logins at once), sandbox max_concurrency 1 per bot per 5 s`,
    );
    console.log(`  202 after ${acceptedMs.toFixed(0)} ms`);
    console.log(`  first item succeeded after ${firstMs.toFixed(0)} ms`);
    console.log(
      `  operation ${operation.status || 'not completed'} after ${doneMs.toFixed(0)} ms: ` +
        `${operation.totals.succeeded} succeeded, ${operation.totals.failed} failed; ` +
        `${rows[0].n}/${BOTS} bots online`,
    );
    console.log(
      `  → ${((BOTS / doneMs) * 1000).toFixed(1)} bots/s, ` +
        `${(doneMs / BOTS).toFixed(0)} ms per bot (${((doneMs / BOTS) * concurrency * WORKERS).toFixed(0)} ms per login slot)`,
    );
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await api.close();
    await pg.end();
    await sandbox.stop();
    await stores.drop();
  }
}

runBench(main);
