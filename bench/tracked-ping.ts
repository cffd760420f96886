/**
 * Tracked `/ping` round trip through the Discord sandbox, next to the bare discord.js baseline:
 *   1. median and p99 at a fixed 200 interactions/s, for a bare client (as in
 *      bench/sandbox-roundtrip.ts) and for Botdeck's tracked command pipeline;
 *   2. the highest rate (of a fixed ladder) the tracked pipeline sustains with p99 under 100 ms
 *      while every log still reaches PostgreSQL (rows counted after each step).
 * Latency is the sandbox's: INTERACTION_CREATE sent → callback received. Each bot runs in its
 * own process (bench/sandbox-roundtrip-client.ts, bench/tracked-ping-worker.ts); the database
 * and Redis prefix are throwaway ones, removed at the end.
 *
 * Run: npm run bench:commands
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as Pg } from 'pg';
import Redis from 'ioredis';
import { dropDatabase, ensureDatabase, runMigrations } from '@botdeck/core';
import { startSandbox } from '@botdeck/discord-sandbox';
import { migrations } from '@botdeck/migrations';
import {
  forkBenchProcess,
  interactionPlayer,
  type LoadStep,
  ms,
  percentile,
  runAt,
} from './support/load';

const FIXED_RATE = 200;
const FIXED_SECONDS = 5;
const WARMUP_SECONDS = 1.5;
const LADDER = [200, 300, 400, 500, 600, 800, 1000, 1200, 1500];
const STEP_SECONDS = 3;
const P99_TARGET_MS = 100;
const DRAIN_TIMEOUT_MS = 15_000;
const TOTAL_BUDGET_MS = 150_000;
const ANSWER_WAIT_MS = 2000;

const summary = (s: LoadStep) =>
  `median ${ms(percentile(s.roundTrip, 50))}, p99 ${ms(percentile(s.roundTrip, 99))} ` +
  `(n=${s.sent}, answered ${s.answered}, generator lag ${s.lagMs.toFixed(0)} ms)`;

async function stopBot(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) child.kill();
}

async function main(): Promise<void> {
  const benchStart = performance.now();
  const runId = Date.now().toString(36);
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/');
  base.pathname = `/botdeck_bench_${runId}`;
  const databaseUrl = base.toString();
  const keyPrefix = `botdeck-bench-${runId}:`;
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl, migrations);
  const pg = new Pg({ connectionString: databaseUrl });
  await pg.connect();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    LOG_LEVEL: 'silent',
    DATABASE_RUN_MIGRATIONS: 'false',
  };

  const sandbox = await startSandbox();
  const { control } = sandbox;
  const guildId = await control.createGuild('Bench Guild');
  const channelId = await control.createChannel(guildId, 'bench');
  const user = { id: '300000000000000001', username: 'bench-user' };
  const bare = await control.createBot('bench-bare');
  await control.addBotToGuild(guildId, bare.userId);
  const bareClient = await forkBenchProcess(
    'sandbox-roundtrip-client.ts',
    [sandbox.apiUrl, bare.token],
    env,
  );
  const playBare = interactionPlayer(sandbox.baseUrl, {
    command: 'ping',
    waitMs: ANSWER_WAIT_MS,
    applicationId: bare.applicationId,
    guildId,
    channelId,
    user,
  });

  /** A tracked bot in a worker process of its own; `sent` counts what its logs must hold. */
  const trackedBot = async (name: string, globalPerSecond: number) => {
    const created = await control.createBot(name);
    await control.addBotToGuild(guildId, created.userId);
    const botId = randomUUID();
    const worker = await forkBenchProcess(
      'tracked-ping-worker.ts',
      [sandbox.apiUrl, created.token, botId, String(globalPerSecond)],
      env,
    );
    const play = interactionPlayer(sandbox.baseUrl, {
      command: 'ping',
      waitMs: ANSWER_WAIT_MS,
      applicationId: created.applicationId,
      guildId,
      channelId,
      user,
    });
    const bot = {
      worker,
      sent: 0,
      async run(rate: number, seconds: number) {
        const step = await runAt(play, rate, seconds);
        bot.sent += step.sent;
        return step;
      },
      /** Waits until every interaction sent so far has its final row; returns ms waited. */
      async drain(): Promise<number | null> {
        const started = performance.now();
        while (performance.now() - started < DRAIN_TIMEOUT_MS) {
          const { rows } = await pg.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM command_logs WHERE bot_id = $1 AND status <> 'started'`,
            [botId],
          );
          if (rows[0].n >= bot.sent) return performance.now() - started;
          await sleep(20);
        }
        return null;
      },
      async rows() {
        const { rows } = await pg.query<{ n: number; d: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT interaction_id)::int AS d FROM command_logs
            WHERE bot_id = $1 AND status = 'success'`,
          [botId],
        );
        return `${rows[0].n} success rows (${rows[0].d} distinct) of ${bot.sent} sent`;
      },
    };
    return bot;
  };
  // As the runtime runs bots (discord.js defaults), and with discord.js's own budget lifted.
  const defaults = await trackedBot('bench-tracked', 50);
  const lifted = await trackedBot('bench-tracked-lifted', 100_000);
  const stored = (waited: number | null, bot: { sent: number }) =>
    waited === null
      ? `NOT all stored ${DRAIN_TIMEOUT_MS / 1000} s after the load`
      : `all ${bot.sent} stored, the last ${waited.toFixed(0)} ms after the load`;

  try {
    await runAt(playBare, FIXED_RATE, WARMUP_SECONDS);
    await defaults.run(FIXED_RATE, WARMUP_SECONDS);
    await lifted.run(FIXED_RATE, WARMUP_SECONDS);
    await Promise.all([defaults.drain(), lifted.drain()]);

    console.log('Tracked /ping round trip through the sandbox (loopback, Discord rate limits on)');
    const bareStep = await runAt(playBare, FIXED_RATE, FIXED_SECONDS);
    console.log(
      `  bare discord.js           ${FIXED_RATE}/s for ${FIXED_SECONDS} s: ${summary(bareStep)}`,
    );
    const defaultStep = await defaults.run(FIXED_RATE, FIXED_SECONDS);
    console.log(
      `  tracked /ping             ${FIXED_RATE}/s for ${FIXED_SECONDS} s: ${summary(defaultStep)}`,
    );
    console.log(`    logs: ${stored(await defaults.drain(), defaults)}`);
    const liftedStep = await lifted.run(FIXED_RATE, FIXED_SECONDS);
    console.log(
      `  tracked /ping, budget off ${FIXED_RATE}/s for ${FIXED_SECONDS} s: ${summary(liftedStep)}`,
    );
    console.log(`    logs: ${stored(await lifted.drain(), lifted)}`);

    console.log('Ladder (tracked /ping, discord.js budget lifted):');
    let best: LoadStep | null = null;
    for (const rate of LADDER) {
      if (performance.now() - benchStart > TOTAL_BUDGET_MS) {
        console.log(`  stopping the ladder: ${TOTAL_BUDGET_MS / 1000} s budget used`);
        break;
      }
      const step = await lifted.run(rate, STEP_SECONDS);
      const drained = await lifted.drain();
      const p99 = percentile(step.roundTrip, 99);
      const ok =
        step.answered === step.sent && p99 < P99_TARGET_MS && step.lagMs < 250 && drained !== null;
      console.log(
        `  ${rate}/s: ${ok ? 'ok  ' : 'FAIL'} ${summary(step)}; logs ${stored(drained, lifted)}`,
      );
      if (!ok) break;
      best = step;
      await sleep(500);
    }
    console.log(
      best
        ? `max sustained with p99 < ${P99_TARGET_MS} ms and every log stored: ${best.rate} interactions/s ` +
            `(median ${ms(percentile(best.roundTrip, 50))}, p99 ${ms(percentile(best.roundTrip, 99))})`
        : `max sustained with p99 < ${P99_TARGET_MS} ms: below ${LADDER[0]} interactions/s`,
    );
    console.log(
      `command_logs: defaults bot ${await defaults.rows()}; lifted bot ${await lifted.rows()}`,
    );
  } finally {
    await Promise.all([stopBot(bareClient), stopBot(defaults.worker), stopBot(lifted.worker)]);
    await sandbox.stop();
    await pg.end();
    await dropDatabase(databaseUrl).catch(() => undefined);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
