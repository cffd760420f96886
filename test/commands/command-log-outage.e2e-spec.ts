import { CommandLogOutbox, CommandLogOutboxStats, type CommandLogRecord } from '@botdeck/commands';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startCommandsWorker } from './support/commands-world';
import { runLogOutage, type LogOutageResult } from './support/log-outage';
import { snowflake } from './support/log-rows';
import { PrivateRedis } from '../support/private-redis';
import { eventually } from '../support/eventually';

// A shorter outage than the 15 s of the full figure (bench/command-log-outage.ts) keeps CI fast;
// what matters is that interactions are answered while Redis is away.
const PLAN = { ratePerSecond: 50, beforeMs: 2_000, outageMs: 6_000, afterMs: 2_000 };

jest.setTimeout(150_000);

describe('command logs through a Redis outage', () => {
  let result: LogOutageResult;

  beforeAll(async () => {
    result = await runLogOutage({
      ...PLAN,
      env: { REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}outage:` },
    });
    const { answered, missing, stats, ...figures } = result;
    process.stdout.write(
      `log outage: ${JSON.stringify({ ...figures, answered: answered.length, missing: missing.length, stats })}\n`,
    );
  });

  it('answers commands while Redis is down (the scenario is meaningful)', () => {
    expect(result.answeredDuringOutage).toBeGreaterThan(PLAN.ratePerSecond);
    expect(result.stats.buffered).toBeGreaterThan(0);
  });

  it('has exactly one finished log row per answered interaction: none lost, none extra', () => {
    expect(result.missing).toEqual([]);
    expect(result.finishedRows).toBe(result.answered.length);
    expect(result.allRows).toBe(result.answered.length);
  });

  it('drained everything it held and dropped nothing', () => {
    expect(result.stats).toMatchObject({ dropped: 0, pending: 0 });
    // At least the real one; a starved event loop can time out an XADD on its own.
    expect(result.stats.outages).toBeGreaterThanOrEqual(1);
    expect(result.stats.drained).toBe(result.stats.buffered);
  });
});

const finishedRecord = (botId: string): CommandLogRecord => ({
  interactionId: snowflake(),
  botId,
  guildId: null,
  channelId: null,
  userId: '200000000000000001',
  command: 'ping',
  options: {},
  status: 'success',
  errorCode: null,
  durationMs: 3,
  deferred: false,
  createdAt: new Date().toISOString(),
  finishedAt: new Date().toISOString(),
});

describe('a worker stopped while Redis is down', () => {
  it('writes the command logs it holds straight to PostgreSQL', async () => {
    const redis = await PrivateRedis.start();
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const worker = await startCommandsWorker({
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}outage-stop:`,
      });
      await redis.kill('SIGKILL');
      const botId = randomUUID();
      const records = Array.from({ length: 20 }, () => finishedRecord(botId));
      const outbox = worker.get(CommandLogOutbox);
      for (const record of records) await outbox.send(record);
      const stats = worker.get(CommandLogOutboxStats);
      expect(stats.snapshot()).toMatchObject({ buffered: 20, pending: 20 });
      await worker.close();
      expect(stats.snapshot()).toMatchObject({ flushedToDatabase: 20, pending: 0, dropped: 0 });
      const rows = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM command_logs WHERE bot_id = $1 AND status = 'success'`,
        [botId],
      );
      expect(rows.rows).toEqual([{ n: 20 }]);
    } finally {
      await db.end();
      await redis.stop();
    }
  });
});

describe('a full command log buffer', () => {
  it('keeps the oldest interactions, drops and counts the newest, and drains what it kept', async () => {
    const redis = await PrivateRedis.start();
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const worker = await startCommandsWorker({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}outage-full:`,
      COMMAND_LOG_BUFFER_MAX: '5',
    });
    try {
      await redis.kill('SIGKILL');
      const botId = randomUUID();
      const records = Array.from({ length: 8 }, () => finishedRecord(botId));
      const outbox = worker.get(CommandLogOutbox);
      for (const record of records) await outbox.send(record);
      const stats = worker.get(CommandLogOutboxStats);
      expect(stats.snapshot()).toMatchObject({ buffered: 5, dropped: 3, pending: 5 });
      await redis.start();
      const stored = await eventually(
        'the kept logs in PostgreSQL',
        async () => {
          const { rows } = await db.query<{ interaction_id: string }>(
            'SELECT interaction_id FROM command_logs WHERE bot_id = $1',
            [botId],
          );
          if (rows.length < 5) throw new Error(`${rows.length} rows so far`);
          return rows.map((row) => row.interaction_id).sort();
        },
        { timeoutMs: 20_000 },
      );
      expect(stored).toEqual(
        records
          .slice(0, 5)
          .map((r) => r.interactionId)
          .sort(),
      );
      expect(stats.snapshot()).toMatchObject({ drained: 5, dropped: 3, pending: 0 });
    } finally {
      await worker.close();
      await db.end();
      await redis.stop();
    }
  });
});
