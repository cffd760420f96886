/**
 * Tracked `/ping` round trip through the Discord sandbox, next to a bare discord.js client
 * that answers in the same shape (a reply, then an edit of it, as Botdeck's `/ping` does):
 *   1. median and p99 at fixed rates (200/s and 1 000/s), bare and tracked measured in
 *      alternating slices of the same run, so both see the same machine; the ratios are the
 *      overhead of Botdeck's command pipeline;
 *   2. the highest rate of a fixed ladder each sustains with p99 under 100 ms (and, for the
 *      tracked bot, every log in PostgreSQL, rows counted after each step), bare and tracked
 *      side by side, and the ratio of the two;
 *   3. for reference, the tracked bot with discord.js's default 50 requests/s budget.
 * Latency is the sandbox's: INTERACTION_CREATE sent → the interaction's first callback received
 * (the reply; the edit comes after and is not timed). Each bot runs in its own process
 * (bench/sandbox-roundtrip-client.ts, bench/tracked-ping-worker.ts); the database and Redis
 * prefix are throwaway ones, removed at the end.
 *
 * Run: npm run bench:commands
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as Pg } from 'pg';
import { startSandbox } from '@botdeck/discord-sandbox';
import {
  forkBenchProcess,
  interactionPlayer,
  type LoadStep,
  ms,
  percentile,
  runAt,
} from './support/load';
import { runBench, throwawayStores } from './support/throwaway';

const FIXED_RATES = [200, 1000];
const FIXED_SECONDS = 6;
/** Slices per fixed step, alternating bare and tracked so machine noise hits both alike. */
const SLICES = 6;
const LADDER = [200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000];
const STEP_SECONDS = 3;
const P99_TARGET_MS = 100;
const DRAIN_TIMEOUT_MS = 15_000;
const TOTAL_BUDGET_MS = 300_000;
const ANSWER_WAIT_MS = 2000;
/** Discord exempts interaction responses from its global limit; discord.js does not. */
const LIFTED_BUDGET = 100_000;
const TARGET = { median: 1.1, p99: 1.2, ladder: 0.6 };

const p50 = (s: LoadStep) => percentile(s.roundTrip, 50);
const p99 = (s: LoadStep) => percentile(s.roundTrip, 99);
const summary = (s: LoadStep) =>
  `median ${ms(p50(s))}, p99 ${ms(p99(s))} ` +
  `(n=${s.sent}, answered ${s.answered}, generator lag ${s.lagMs.toFixed(0)} ms)`;
const verdict = (value: number, target: number, atMost = true) =>
  `${value.toFixed(2)}× (target ${atMost ? '≤' : '≥'} ${target}×: ` +
  `${(atMost ? value <= target : value >= target) ? 'met' : 'NOT met'})`;

/** CPU time (user + system) a process has used so far, in ms (Linux clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function merge(steps: LoadStep[]): LoadStep {
  return {
    rate: steps[0].rate,
    sent: steps.reduce((n, s) => n + s.sent, 0),
    answered: steps.reduce((n, s) => n + s.answered, 0),
    roundTrip: steps.flatMap((s) => s.roundTrip),
    controlCall: steps.flatMap((s) => s.controlCall),
    lagMs: Math.max(...steps.map((s) => s.lagMs)),
  };
}

async function stopBot(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) child.kill();
}

interface BenchBot {
  name: string;
  worker: ChildProcess;
  run(rate: number, seconds: number): Promise<LoadStep>;
  /** Waits until everything this bot must store is stored; ms waited, null on timeout. */
  drain(): Promise<number | null>;
}

async function main(): Promise<void> {
  const benchStart = performance.now();
  const stores = await throwawayStores('commands');
  const pg = new Pg({ connectionString: stores.databaseUrl });
  await pg.connect();
  const env = {
    ...process.env,
    DATABASE_URL: stores.databaseUrl,
    REDIS_URL: stores.redisUrl,
    REDIS_KEY_PREFIX: stores.prefix,
    LOG_LEVEL: 'silent',
    DATABASE_RUN_MIGRATIONS: 'false',
  };

  const sandbox = await startSandbox();
  const { control } = sandbox;
  const guildId = await control.createGuild('Bench Guild');
  const channelId = await control.createChannel(guildId, 'bench');
  const user = { id: '300000000000000001', username: 'bench-user' };
  const bots: BenchBot[] = [];

  const player = async (name: string) => {
    const created = await control.createBot(name);
    await control.addBotToGuild(guildId, created.userId);
    const play = interactionPlayer(sandbox.baseUrl, {
      command: 'ping',
      waitMs: ANSWER_WAIT_MS,
      applicationId: created.applicationId,
      guildId,
      channelId,
      user,
    });
    return { created, play };
  };

  /** A bare discord.js client answering /ping in Botdeck's shape, budget lifted. */
  const bareBot = async (): Promise<BenchBot> => {
    const { created, play } = await player('bench-bare');
    const worker = await forkBenchProcess(
      'sandbox-roundtrip-client.ts',
      [sandbox.apiUrl, created.token, 'reply-edit', String(LIFTED_BUDGET)],
      env,
    );
    return {
      name: 'bare',
      worker,
      run: (rate, seconds) => runAt(play, rate, seconds),
      drain: () => Promise.resolve(0),
    };
  };

  /** A tracked bot in a worker process of its own; `sent` counts what its logs must hold. */
  const trackedBot = async (name: string, globalPerSecond: number) => {
    const { created, play } = await player(name);
    const botId = randomUUID();
    const worker = await forkBenchProcess(
      'tracked-ping-worker.ts',
      [sandbox.apiUrl, created.token, botId, String(globalPerSecond)],
      env,
    );
    let sent = 0;
    const bot: BenchBot & { sent(): number; rows(): Promise<string> } = {
      name: 'tracked',
      worker,
      sent: () => sent,
      async run(rate, seconds) {
        const step = await runAt(play, rate, seconds);
        sent += step.sent;
        return step;
      },
      async drain() {
        const started = performance.now();
        while (performance.now() - started < DRAIN_TIMEOUT_MS) {
          const { rows } = await pg.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM command_logs WHERE bot_id = $1 AND status <> 'started'`,
            [botId],
          );
          if (rows[0].n >= sent) return performance.now() - started;
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
        return `${rows[0].n} success rows (${rows[0].d} distinct) of ${sent} sent`;
      },
    };
    return bot;
  };
  const stored = (waited: number | null, sent: number) =>
    waited === null
      ? `NOT all stored ${DRAIN_TIMEOUT_MS / 1000} s after the load`
      : `all ${sent} stored, the last ${waited.toFixed(0)} ms after the load`;

  try {
    const bare = await bareBot();
    bots.push(bare);
    const tracked = await trackedBot('bench-tracked', LIFTED_BUDGET);
    bots.push(tracked);
    // As the runtime runs bots today: discord.js's own 50 requests/s budget.
    const defaults = await trackedBot('bench-tracked-defaults', 50);
    bots.push(defaults);

    for (const bot of [bare, tracked, defaults]) {
      await bot.run(200, 1.5);
      if (bot !== defaults) await bot.run(600, 1);
    }
    await Promise.all([tracked.drain(), defaults.drain()]);

    console.log(
      'Tracked /ping vs bare discord.js, same reply shape (reply + edit), discord.js budget ' +
        `lifted for both; sandbox on loopback with Discord's rate limits; ${SLICES} alternating ` +
        'slices per step',
    );
    for (const rate of FIXED_RATES) {
      const slices: { bare: LoadStep[]; tracked: LoadStep[] } = { bare: [], tracked: [] };
      const cpu = { bare: 0, tracked: 0 };
      for (let i = 0; i < SLICES; i++) {
        const order = i % 2 === 0 ? [bare, tracked] : [tracked, bare];
        for (const bot of order) {
          const side = bot === bare ? 'bare' : 'tracked';
          const cpuBefore = cpuMs(bot.worker.pid!);
          slices[side].push(await bot.run(rate, FIXED_SECONDS / SLICES));
          // The edits finish, and the tracked bot's log writer stores the slice: both count.
          await sleep(100);
          await bot.drain();
          cpu[side] += cpuMs(bot.worker.pid!) - cpuBefore;
        }
      }
      const b = merge(slices.bare);
      const t = merge(slices.tracked);
      const cpuPer = (side: 'bare' | 'tracked', step: LoadStep) => (cpu[side] * 1000) / step.sent;
      console.log(`  ${rate}/s for ${FIXED_SECONDS} s each`);
      console.log(`    bare     ${summary(b)}`);
      console.log(
        `    tracked  ${summary(t)}; logs ${stored(await tracked.drain(), tracked.sent())}`,
      );
      console.log(
        `    tracked / bare: median ${verdict(p50(t) / p50(b), TARGET.median)}, ` +
          `p99 ${verdict(p99(t) / p99(b), TARGET.p99)}`,
      );
      console.log(
        `    bot process CPU per interaction (10 ms ticks): bare ${cpuPer('bare', b).toFixed(0)} µs, ` +
          `tracked ${cpuPer('tracked', t).toFixed(0)} µs with its log writer ` +
          `(${(cpuPer('tracked', t) / cpuPer('bare', b)).toFixed(2)}×)`,
      );
    }

    console.log(
      `Ladder: highest rate with p99 < ${P99_TARGET_MS} ms, every interaction answered and ` +
        '(tracked) every log stored; bare and tracked alternate at each rate',
    );
    const best = new Map<BenchBot, LoadStep | null>([
      [bare, null],
      [tracked, null],
    ]);
    const climbing = new Set<BenchBot>([bare, tracked]);
    for (const rate of LADDER) {
      if (climbing.size === 0) break;
      if (performance.now() - benchStart > TOTAL_BUDGET_MS) {
        console.log(`  stopping the ladder: ${TOTAL_BUDGET_MS / 1000} s budget used`);
        break;
      }
      for (const bot of [...climbing]) {
        const step = await bot.run(rate, STEP_SECONDS);
        const drained = await bot.drain();
        const ok =
          step.answered === step.sent &&
          p99(step) < P99_TARGET_MS &&
          step.lagMs < 250 &&
          drained !== null;
        const logs = bot === tracked ? `; logs ${stored(drained, tracked.sent())}` : '';
        console.log(
          `  ${bot.name.padEnd(7)} ${rate}/s: ${ok ? 'ok  ' : 'FAIL'} ${summary(step)}${logs}`,
        );
        if (ok) best.set(bot, step);
        else climbing.delete(bot);
        await sleep(300);
      }
    }
    const bestBare = best.get(bare);
    const bestTracked = best.get(tracked);
    for (const [bot, step] of best) {
      console.log(
        step
          ? `  max sustained, ${bot.name}: ${step.rate}/s (median ${ms(p50(step))}, p99 ${ms(p99(step))})` +
              (climbing.has(bot) ? ' — the top of the ladder, not a limit' : '')
          : `  max sustained, ${bot.name}: below ${LADDER[0]}/s`,
      );
    }
    if (bestBare && bestTracked) {
      console.log(
        `  tracked / bare max: ${verdict(bestTracked.rate / bestBare.rate, TARGET.ladder, false)}`,
      );
    }

    const step = await defaults.run(FIXED_RATES[0], FIXED_SECONDS / 2);
    console.log(
      `Reference: tracked with discord.js's default budget (50 requests/s, as the runtime runs ` +
        `bots), ${FIXED_RATES[0]}/s: ${summary(step)}`,
    );
    console.log(`  logs: ${stored(await defaults.drain(), defaults.sent())} (the edits queue)`);
    console.log(`command_logs: tracked ${await tracked.rows()}; defaults ${await defaults.rows()}`);
  } finally {
    await Promise.all(bots.map((bot) => stopBot(bot.worker)));
    await sandbox.stop();
    await pg.end();
    await stores.drop().catch(() => undefined);
  }
}

runBench(main);
