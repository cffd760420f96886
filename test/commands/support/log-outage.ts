import { CommandLogOutboxStats, CommandsPlugin } from '@botdeck/commands';
import type { PlayedInteraction } from '@botdeck/discord-sandbox';
import type { TestingModule } from '@nestjs/testing';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { eventually, sleep } from '../../support/eventually';
import { startCommandsWorker, startSandboxBot, type SandboxBot } from './commands-world';
import { PrivateRedis } from '../../support/private-redis';

export interface LogOutagePlan {
  /** /ping interactions played per second, on schedule. */
  ratePerSecond: number;
  /** Load before Redis is killed. */
  beforeMs: number;
  /** How long Redis stays dead (SIGKILL, then a restart on the same port). */
  outageMs: number;
  /** Load after Redis is back. */
  afterMs: number;
  /** Extra worker environment (a Redis key prefix, tuning). */
  env?: Record<string, string>;
}

export interface LogOutageResult {
  sent: number;
  /** Interaction ids the sandbox saw an initial response for. */
  answered: string[];
  /** Played while Redis was down. */
  answeredDuringOutage: number;
  /** command_logs rows of the bot with a final outcome, and every row of the bot. */
  finishedRows: number;
  allRows: number;
  /** Answered interactions with no finished row. */
  missing: string[];
  stats: ReturnType<CommandLogOutboxStats['snapshot']>;
  /** Redis back → every answered interaction's row in PostgreSQL. */
  catchUpMs: number;
}

/**
 * The command-log outage scenario: a worker's command machinery on a private Redis, a sandbox
 * bot served by it, /ping played at a steady rate while that Redis is SIGKILLed and brought
 * back; then the bot's command_logs rows are counted against the interactions the sandbox saw
 * answered.
 */
export async function runLogOutage(plan: LogOutagePlan): Promise<LogOutageResult> {
  const redis = await PrivateRedis.start();
  let worker: TestingModule | undefined;
  let bot: SandboxBot | undefined;
  try {
    worker = await startCommandsWorker({ REDIS_URL: redis.url, ...plan.env });
    bot = await startSandboxBot(worker.get(CommandsPlugin));
    const played: Promise<PlayedInteraction | null>[] = [];
    const duringOutage: Promise<PlayedInteraction | null>[] = [];
    const play = () =>
      bot!.sandbox.control
        .playInteraction({
          applicationId: bot!.created.applicationId,
          guildId: bot!.guildId,
          channelId: bot!.channelId,
          user: { id: '200000000000000009', username: 'outage-player' },
          command: 'ping',
          waitMs: 15_000,
        })
        .catch(() => null);

    const total = plan.beforeMs + plan.outageMs + plan.afterMs;
    const start = performance.now();
    let sent = 0;
    // An object, so the load loop reads what the timeline below writes.
    const state: { phase: 'before' | 'outage' | 'after'; backAt: number } = {
      phase: 'before',
      backAt: 0,
    };
    const phaseChange = (async () => {
      await sleep(plan.beforeMs);
      await redis.kill('SIGKILL');
      state.phase = 'outage';
      await sleep(plan.outageMs);
      await redis.start();
      state.phase = 'after';
      state.backAt = performance.now();
    })();
    while (performance.now() - start < total || state.phase !== 'after') {
      const due = Math.floor(((performance.now() - start) / 1000) * plan.ratePerSecond);
      while (sent < due) {
        sent++;
        const one = play();
        played.push(one);
        if (state.phase === 'outage') duringOutage.push(one);
      }
      await sleep(5);
    }
    await phaseChange;
    const results = await Promise.all(played);
    const answered = results.filter((r) => r?.response).map((r) => r!.interactionId);
    const answeredDuringOutage = (await Promise.all(duringOutage)).filter(
      (r) => r?.response,
    ).length;

    const db = worker.get(DataSource);
    const botId = bot.bot.id;
    const finishedIds = async () =>
      (
        await db.query<{ interaction_id: string }[]>(
          `SELECT interaction_id FROM command_logs WHERE bot_id = $1 AND status <> 'started'`,
          [botId],
        )
      ).map((row) => row.interaction_id);
    // Everything answered reaches the database once Redis is back (or the wait gives up).
    await eventually(
      'every answered interaction to have its log row',
      async () => {
        const found = new Set(await finishedIds());
        if (!answered.every((id) => found.has(id))) throw new Error(`${found.size} rows so far`);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    ).catch(() => undefined);
    const catchUpMs = performance.now() - state.backAt;
    const finished = await finishedIds();
    const found = new Set(finished);
    const [{ n }] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM command_logs WHERE bot_id = $1',
      [botId],
    );
    return {
      sent,
      answered,
      answeredDuringOutage,
      finishedRows: finished.length,
      allRows: n,
      missing: answered.filter((id) => !found.has(id)),
      stats: worker.get(CommandLogOutboxStats).snapshot(),
      catchUpMs,
    };
  } finally {
    if (!redis.running) await redis.start().catch(() => undefined);
    await bot?.close();
    await worker?.close();
    await redis.stop();
  }
}
