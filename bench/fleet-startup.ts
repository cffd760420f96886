/**
 * Fleet start-up: 50 bots in one worker process against the Discord sandbox.
 *   1. time from the start requests until every bot is `online` (login, READY, guilds, the
 *      slash commands registered by the worker's plugins);
 *   2. the worker's RSS per bot: (RSS with 50 bots online − RSS idle) / 50;
 *   3. takeover: a second worker joins, the first is SIGKILLed, time until all 50 are online
 *      again on the second; then SIGTERM, time until it logged them out and exited.
 * The sandbox (with Discord's rate limits) and the bookkeeping run here; the worker is a real
 * child process (apps/worker/src/main.ts under ts-node), so its RSS is its own. The database
 * and Redis prefix are throwaway ones, removed at the end. BOT_* variables pass through, e.g.
 * BOT_LOGIN_CONCURRENCY=10 npm run bench:fleet.
 *
 * Run: npm run bench:fleet
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { Client as Pg } from 'pg';
import { parseTokenKeys, TokenCipher } from '@botdeck/bot-config';
import { startSandbox } from '@botdeck/discord-sandbox';
import { spawnWorker, type WorkerProcess } from '../test/support/worker-process';
import { runBench, throwawayStores } from './support/throwaway';

const BOTS = 50;
const ONLINE_TIMEOUT_MS = 120_000;

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) / 1024;
}

async function main(): Promise<void> {
  const stores = await throwawayStores('fleet');
  const { databaseUrl, redisUrl, prefix } = stores;
  const sandbox = await startSandbox();
  const pg = new Pg({ connectionString: databaseUrl });
  await pg.connect();
  let worker: WorkerProcess | undefined;
  try {
    const guildId = await sandbox.control.createGuild('Bench Guild');
    await sandbox.control.createChannel(guildId, 'general');
    const tokenKeys = `bench-1:${Buffer.alloc(32, 9).toString('base64')}`;
    const env: Record<string, string> = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      DATABASE_RUN_MIGRATIONS: 'false',
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      DISCORD_API_URL: sandbox.baseUrl,
      BOT_TOKEN_KEYS: tokenKeys,
      JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    };

    // Bots are created through Botdeck's own service so their tokens are sealed as in production.
    const cipher = new TokenCipher(parseTokenKeys(tokenKeys));
    const ids: string[] = [];
    for (let i = 0; i < BOTS; i++) {
      const created = await sandbox.control.createBot(`bench-${i}`);
      await sandbox.control.addBotToGuild(guildId, created.userId);
      const id = randomUUID();
      const sealed = cipher.seal(created.token, id);
      await pg.query(
        `INSERT INTO bots (id, name, token_key_id, token_sealed, token_last4)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, `bench-${i}`, sealed.keyId, sealed.sealed, created.token.slice(-4)],
      );
      await pg.query(`INSERT INTO bot_runtime_states (bot_id) VALUES ($1)`, [id]);
      ids.push(id);
    }

    worker = await spawnWorker(env);
    await sleep(3_000);
    const idleRss = rssMiB(worker.pid);

    const started = performance.now();
    await pg.query(`UPDATE bot_runtime_states SET desired_state = 'running'`);
    // The nudge the API sends after a start request.
    const redis = new Redis(redisUrl);
    for (const botId of ids) {
      await redis.publish(
        `${prefix}events`,
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
    while (online < BOTS) {
      if (performance.now() - started > ONLINE_TIMEOUT_MS) break;
      const { rows } = await pg.query<{ n: string }>(
        `SELECT count(*) AS n FROM bot_runtime_states WHERE status = 'online'`,
      );
      online = Number(rows[0].n);
      if (online > 0 && Number.isNaN(firstOnlineMs)) firstOnlineMs = performance.now() - started;
      if (online < BOTS) await sleep(20);
    }
    const allOnlineMs = performance.now() - started;
    await sleep(2_000);
    const busyRss = rssMiB(worker.pid);
    const { rows: errors } = await pg.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM bot_runtime_states WHERE status <> 'online' GROUP BY status`,
    );

    // Takeover: a second worker joins, the first is SIGKILLed; its bots come back on the
    // second once their leases expire (BOT_LEASE_TTL_MS) and its next pass claims them.
    const standby = await spawnWorker(env);
    const killedAt = new Date();
    const killStarted = performance.now();
    worker.kill('SIGKILL');
    await worker.exited;
    worker = standby;
    let back = 0;
    while (back < BOTS && performance.now() - killStarted < ONLINE_TIMEOUT_MS) {
      const { rows } = await pg.query<{ n: string }>(
        `SELECT count(*) AS n FROM bot_runtime_states
          WHERE status = 'online' AND status_changed_at > $1`,
        [killedAt],
      );
      back = Number(rows[0].n);
      if (back < BOTS) await sleep(50);
    }
    const takeoverMs = performance.now() - killStarted;

    const stopStarted = performance.now();
    worker.kill('SIGTERM');
    await worker.exited;
    const shutdownMs = performance.now() - stopStarted;
    worker = undefined;

    console.log(`fleet start-up, ${BOTS} bots in one worker against the sandbox (rate limits on)`);
    console.log(
      `  login concurrency ${process.env.BOT_LOGIN_CONCURRENCY ?? '5 (default)'}, ` +
        `claim batch ${process.env.BOT_CLAIM_BATCH ?? '10 (default)'}`,
    );
    console.log(
      `  online: ${online}/${BOTS}${errors.length ? ` (others: ${errors.map((r) => `${r.n} ${r.status}`).join(', ')})` : ''}`,
    );
    console.log(`  first bot online after ${firstOnlineMs.toFixed(0)} ms`);
    console.log(`  all bots online after  ${allOnlineMs.toFixed(0)} ms`);
    console.log(
      `  worker RSS: idle ${idleRss.toFixed(1)} MiB, with ${BOTS} bots ${busyRss.toFixed(1)} MiB → ` +
        `${(((busyRss - idleRss) * 1024) / BOTS).toFixed(0)} KiB per bot`,
    );
    console.log(
      `  SIGKILL of that worker → ${back}/${BOTS} online again on a second worker after ` +
        `${takeoverMs.toFixed(0)} ms (lease TTL ${process.env.BOT_LEASE_TTL_MS ?? '15000 (default)'} ms)`,
    );
    console.log(
      `  SIGTERM → all ${BOTS} logged out and the second worker exited in ${shutdownMs.toFixed(0)} ms`,
    );
  } finally {
    worker?.kill('SIGKILL');
    await pg.end();
    await sandbox.stop();
    await stores.drop();
  }
}

runBench(main);
