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
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PlayedInteraction, RunningSandbox, startSandbox } from '@botdeck/discord-sandbox';
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
const WARMUP_INTERACTIONS = 300;
const LADDER = [200, 400, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000];
const STEP_SECONDS = 3;
const P99_TARGET_MS = 100;
const TOTAL_BUDGET_MS = 90_000;
/** How long the control API waits for each answer; a slower one counts as missed. */
const ANSWER_WAIT_MS = 2000;

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
  // The bot lives in its own process, as a real bot would, and signals once it is ready.
  const client = await forkBenchProcess('sandbox-roundtrip-client.ts', [sandbox.apiUrl, bot.token]);

  const play = interactionPlayer(sandbox.baseUrl, {
    applicationId: bot.applicationId,
    guildId,
    channelId,
    user: { id: '300000000000000001', username: 'bench-user' },
    command: 'ping',
    waitMs: ANSWER_WAIT_MS,
  });
  return { sandbox, client, play };
}

function describe(step: LoadStep): string {
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

    let best: LoadStep | null = null;
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
