/**
 * Interaction round trip through the Discord sandbox with a bare discord.js client:
 *   1. median and p99 at a fixed 200 interactions/s;
 *   2. the highest rate (of a fixed ladder) sustained with p99 under 100 ms.
 * Latency is measured by the sandbox from sending INTERACTION_CREATE to receiving the
 * callback, as Discord's 3-second rule counts it; the control API's own request time is
 * printed beside it. The sandbox and the load generator run here, the discord.js client in a
 * child process (bench/sandbox-roundtrip-client.ts), as a worker would; all on loopback, and
 * every loop is bounded in count and time.
 *
 * Run: npm run bench:sandbox
 */
import { ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PlayedInteraction, RunningSandbox, startSandbox } from '@botdeck/discord-sandbox';

const FIXED_RATE = 200;
const FIXED_SECONDS = 5;
const WARMUP_INTERACTIONS = 300;
const LADDER = [200, 400, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000];
const STEP_SECONDS = 3;
const P99_TARGET_MS = 100;
const TOTAL_BUDGET_MS = 90_000;
/** How long the control API waits for each answer; a slower one counts as missed. */
const ANSWER_WAIT_MS = 2000;

interface StepResult {
  rate: number;
  sent: number;
  answered: number;
  /** INTERACTION_CREATE sent → callback received, measured by the sandbox. */
  roundTrip: number[];
  /** Control API request → its answer, measured here. */
  controlCall: number[];
  /** How far the load generator fell behind its schedule at the end, in ms. */
  lagMs: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Starts the bot process and resolves once its client is ready and its command registered. */
function startClient(apiUrl: string, token: string): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'sandbox-roundtrip-client.ts'), [apiUrl, token], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the bench client did not get ready in 30 s')),
      30_000,
    );
    child.once('message', () => {
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the bench client exited with ${code}`)));
  });
}

async function setUp(): Promise<{
  sandbox: RunningSandbox;
  client: ChildProcess;
  play: () => Promise<PlayedInteraction>;
}> {
  const sandbox = await startSandbox();
  const { control } = sandbox;
  const bot = await control.createBot('bench-bot');
  const guildId = await control.createGuild('Bench Guild');
  const channelId = await control.createChannel(guildId, 'bench');
  await control.addBotToGuild(guildId, bot.userId);
  const client = await startClient(sandbox.apiUrl, bot.token);

  const body = JSON.stringify({
    applicationId: bot.applicationId,
    guildId,
    channelId,
    user: { id: '300000000000000001', username: 'bench-user' },
    command: 'ping',
    waitMs: ANSWER_WAIT_MS,
  });
  // Plain node:http with keep-alive: the load generator should cost the sandbox's core little.
  const agent = new Agent({ keepAlive: true });
  const play = () =>
    new Promise<PlayedInteraction>((resolve, reject) => {
      const req = request(
        `${sandbox.baseUrl}/_sandbox/interactions`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(JSON.parse(text) as PlayedInteraction));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { sandbox, client, play };
}

/** Plays `rate` interactions per second for `seconds`, on schedule, and waits for all answers. */
async function runAt(
  play: () => Promise<PlayedInteraction>,
  rate: number,
  seconds: number,
): Promise<StepResult> {
  const result: StepResult = {
    rate,
    sent: 0,
    answered: 0,
    roundTrip: [],
    controlCall: [],
    lagMs: 0,
  };
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  const start = performance.now();
  while (result.sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    while (result.sent < due) {
      result.sent++;
      const sentAt = performance.now();
      pending.push(
        play().then(
          (played) => {
            result.controlCall.push(performance.now() - sentAt);
            if (played.response) {
              result.answered++;
              result.roundTrip.push(played.response.latencyMs);
            }
          },
          () => undefined,
        ),
      );
    }
    await sleep(2);
  }
  result.lagMs = Math.max(0, performance.now() - start - seconds * 1000);
  await Promise.all(pending);
  return result;
}

function describe(step: StepResult): string {
  return (
    `n=${step.sent}, answered ${step.answered}, round trip median ${ms(percentile(step.roundTrip, 50))} ` +
    `p99 ${ms(percentile(step.roundTrip, 99))}; control call median ${ms(percentile(step.controlCall, 50))} ` +
    `p99 ${ms(percentile(step.controlCall, 99))}`
  );
}

async function main(): Promise<void> {
  const benchStart = performance.now();
  const { sandbox, client, play } = await setUp();
  try {
    await runAt(play, FIXED_RATE, WARMUP_INTERACTIONS / FIXED_RATE);

    const fixed = await runAt(play, FIXED_RATE, FIXED_SECONDS);
    console.log(
      'Sandbox interaction round trip (bare discord.js client in its own process, loopback, Discord rate limits on)',
    );
    console.log(
      `fixed ${FIXED_RATE}/s for ${FIXED_SECONDS} s: median ${ms(percentile(fixed.roundTrip, 50))}, ` +
        `p99 ${ms(percentile(fixed.roundTrip, 99))}  (${describe(fixed)})`,
    );

    let best: StepResult | null = null;
    for (const rate of LADDER) {
      if (performance.now() - benchStart > TOTAL_BUDGET_MS) {
        console.log(`  stopping the ladder: ${TOTAL_BUDGET_MS / 1000} s budget used`);
        break;
      }
      const step = await runAt(play, rate, STEP_SECONDS);
      const p99 = percentile(step.roundTrip, 99);
      // Sustained means: every interaction answered, p99 under target, generator on schedule.
      const ok = step.answered === step.sent && p99 < P99_TARGET_MS && step.lagMs < 250;
      console.log(
        `  ${rate}/s: ${ok ? 'ok  ' : 'FAIL'} ${describe(step)}, generator lag ${step.lagMs.toFixed(0)} ms`,
      );
      if (!ok) break;
      best = step;
      await sleep(500);
    }
    console.log(
      best
        ? `max sustained with p99 < ${P99_TARGET_MS} ms: ${best.rate} interactions/s ` +
            `(median ${ms(percentile(best.roundTrip, 50))}, p99 ${ms(percentile(best.roundTrip, 99))})`
        : `max sustained with p99 < ${P99_TARGET_MS} ms: below ${LADDER[0]} interactions/s`,
    );
  } finally {
    const exited = new Promise((resolve) => client.once('exit', resolve));
    client.send('stop');
    await Promise.race([exited, sleep(5000)]);
    if (client.exitCode === null) client.kill();
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
