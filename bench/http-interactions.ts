/**
 * Tracked `/ping` over Discord's HTTP interactions endpoint, next to the same command over the
 * gateway, in one run:
 *   1. median and p99 at a fixed 200/s, HTTP and gateway measured in alternating slices so
 *      both see the same machine;
 *   2. the highest rate of a fixed ladder each sustains with p99 under 100 ms and every
 *      interaction answered.
 * Latency is the sandbox's: the interaction sent (POSTed, signed, to the API's
 * `/interactions/:botId`, or dispatched as INTERACTION_CREATE to the worker's client) → its
 * first callback received. The HTTP side is the real API bootstrap in its own process, the
 * gateway side a worker process with the command machinery (bench/tracked-ping-worker.ts),
 * whose log writer also drains the API's command logs. Both lift discord.js's own 50
 * requests/s budget (Discord exempts interaction responses from its global limit). Database and
 * Redis prefix are throwaway ones, removed at the end.
 *
 * Run: npm run bench:http-interactions
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as Pg } from 'pg';
import { startSandbox } from '@botdeck/discord-sandbox';
import { freePort } from '../test/support/free-port';
import { benchEnv, signIn } from './support/botdeck-fleet';
import {
  forkBenchProcess,
  interactionPlayer,
  type LoadStep,
  ms,
  percentile,
  runAt,
} from './support/load';
import { runBench, throwawayStores } from './support/throwaway';

const FIXED_RATE = 200;
const FIXED_SECONDS = 6;
const SLICES = 6;
const LADDER = [200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000];
const STEP_SECONDS = 3;
const P99_TARGET_MS = 100;
const ANSWER_WAIT_MS = 3000;
const DRAIN_TIMEOUT_MS = 15_000;
const LIFTED_BUDGET = '100000';

const p50 = (s: LoadStep) => percentile(s.roundTrip, 50);
const p99 = (s: LoadStep) => percentile(s.roundTrip, 99);
const summary = (s: LoadStep) =>
  `median ${ms(p50(s))}, p99 ${ms(p99(s))} ` +
  `(n=${s.sent}, answered ${s.answered}, generator lag ${s.lagMs.toFixed(0)} ms)`;

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

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) child.kill();
}

interface Side {
  name: string;
  botId: string;
  sent: number;
  play(): ReturnType<ReturnType<typeof interactionPlayer>>;
}

async function main(): Promise<void> {
  const stores = await throwawayStores('httpint');
  const pg = new Pg({ connectionString: stores.databaseUrl });
  await pg.connect();
  const sandbox = await startSandbox();
  const { control } = sandbox;
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ...benchEnv(stores, sandbox),
    LOG_LEVEL: 'silent',
    INTERACTIONS_PUBLIC_URL: apiUrl,
    INTERACTIONS_GLOBAL_REQUESTS_PER_SECOND: LIFTED_BUDGET,
  };
  const guildId = await control.createGuild('Bench Guild');
  const channelId = await control.createChannel(guildId, 'bench');
  const user = { id: '300000000000000001', username: 'bench-user' };
  const children: ChildProcess[] = [];

  const sandboxBot = async (name: string) => {
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

  try {
    // Gateway: a worker process serving its bot through the commands plugin.
    const gatewayBot = await sandboxBot('bench-gateway');
    const gatewayId = randomUUID();
    children.push(
      await forkBenchProcess(
        'tracked-ping-worker.ts',
        [sandbox.apiUrl, gatewayBot.created.token, gatewayId, LIFTED_BUDGET],
        env,
      ),
    );

    // HTTP: the API, a bot configured through it and switched to HTTP mode (Discord PINGs it).
    children.push(await forkBenchProcess('http-interactions-api.ts', [String(port)], env));
    const httpBot = await sandboxBot('bench-http');
    const headers = await signIn(`${apiUrl}/api/v1`);
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${apiUrl}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    const { id: httpId } = await call('POST', '/bots', {
      name: 'bench-http',
      token: httpBot.created.token,
    });
    await call('POST', `/bots/${httpId}/validate`);
    // The gateway worker registered /ping for its own application; this one needs it too.
    await fetch(`${sandbox.apiUrl}/v10/applications/${httpBot.created.applicationId}/commands`, {
      method: 'PUT',
      headers: {
        authorization: `Bot ${httpBot.created.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify([{ name: 'ping', description: 'Gateway and round-trip latency' }]),
    });
    await call('PUT', `/bots/${httpId}/interactions`, { mode: 'http' });

    const sides: Side[] = [
      { name: 'http', botId: httpId, sent: 0, play: httpBot.play },
      { name: 'gateway', botId: gatewayId, sent: 0, play: gatewayBot.play },
    ];
    const [http, gateway] = sides;
    const run = async (side: Side, rate: number, seconds: number) => {
      const step = await runAt(side.play, rate, seconds);
      side.sent += step.sent;
      return step;
    };
    const drain = async (side: Side): Promise<number | null> => {
      const started = performance.now();
      while (performance.now() - started < DRAIN_TIMEOUT_MS) {
        const { rows } = await pg.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM command_logs WHERE bot_id = $1 AND status <> 'started'`,
          [side.botId],
        );
        if (rows[0].n >= side.sent) return performance.now() - started;
        await sleep(20);
      }
      return null;
    };
    const stored = async (side: Side) => {
      const waited = await drain(side);
      return waited === null
        ? `logs NOT all stored ${DRAIN_TIMEOUT_MS / 1000} s after the load`
        : `all ${side.sent} logs stored`;
    };

    for (const side of sides) {
      await run(side, 200, 1.5);
      await run(side, 600, 1);
    }
    await Promise.all(sides.map(drain));

    console.log(
      `Tracked /ping over HTTP (signed POST → API → callback) vs over the gateway (worker's ` +
        `client → callback); sandbox on loopback with Discord's rate limits; ${SLICES} ` +
        'alternating slices',
    );
    const slices = new Map<Side, LoadStep[]>([
      [http, []],
      [gateway, []],
    ]);
    for (let i = 0; i < SLICES; i++) {
      for (const side of i % 2 === 0 ? [http, gateway] : [gateway, http]) {
        slices.get(side)!.push(await run(side, FIXED_RATE, FIXED_SECONDS / SLICES));
        await sleep(100);
        await drain(side);
      }
    }
    const h = merge(slices.get(http)!);
    const g = merge(slices.get(gateway)!);
    console.log(`  ${FIXED_RATE}/s for ${FIXED_SECONDS} s each`);
    console.log(`    http     ${summary(h)}; ${await stored(http)}`);
    console.log(`    gateway  ${summary(g)}; ${await stored(gateway)}`);
    console.log(
      `    http / gateway: median ${(p50(h) / p50(g)).toFixed(2)}×, p99 ${(p99(h) / p99(g)).toFixed(2)}×`,
    );

    console.log(
      `Ladder: highest rate with p99 < ${P99_TARGET_MS} ms and every interaction answered; ` +
        'http and gateway alternate at each rate',
    );
    const best = new Map<Side, LoadStep | null>([
      [http, null],
      [gateway, null],
    ]);
    const climbing = new Set<Side>(sides);
    for (const rate of LADDER) {
      if (climbing.size === 0) break;
      for (const side of [...climbing]) {
        const step = await run(side, rate, STEP_SECONDS);
        const drained = await drain(side);
        const ok =
          step.answered === step.sent &&
          p99(step) < P99_TARGET_MS &&
          step.lagMs < 250 &&
          drained !== null;
        console.log(`  ${side.name.padEnd(7)} ${rate}/s: ${ok ? 'ok  ' : 'FAIL'} ${summary(step)}`);
        if (ok) best.set(side, step);
        else climbing.delete(side);
        await sleep(300);
      }
    }
    for (const [side, step] of best) {
      console.log(
        step
          ? `  max sustained, ${side.name}: ${step.rate}/s (median ${ms(p50(step))}, p99 ${ms(p99(step))})` +
              (climbing.has(side) ? ' — the top of the ladder, not a limit' : '')
          : `  max sustained, ${side.name}: below ${LADDER[0]}/s`,
      );
    }
    const bh = best.get(http);
    const bg = best.get(gateway);
    if (bh && bg) console.log(`  http / gateway max: ${(bh.rate / bg.rate).toFixed(2)}×`);
  } finally {
    await Promise.all(children.map(stop));
    await sandbox.stop();
    await pg.end();
    await stores.drop().catch(() => undefined);
  }
}

runBench(main);
