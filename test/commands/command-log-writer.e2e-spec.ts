import {
  COMMAND_LOG_GROUP,
  COMMAND_LOG_STREAM,
  CommandLogQueue,
  CommandLogRecord,
  CommandLogStore,
  CommandSweeper,
} from '@botdeck/commands';
import { EventBus, REDIS, type EventEnvelope } from '@botdeck/core';
import type { TestingModule } from '@nestjs/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import IORedis from 'ioredis';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { until } from '../support/eventually';
import { startCommandsWorker } from './support/commands-world';
import { insertLogs, snowflake } from './support/log-rows';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');

function record(overrides: Partial<CommandLogRecord> = {}): CommandLogRecord {
  return {
    interactionId: snowflake(),
    botId: randomUUID(),
    guildId: '10',
    channelId: '11',
    userId: '200000000000000001',
    command: 'ping',
    options: {},
    status: 'started',
    errorCode: null,
    durationMs: null,
    deferred: false,
    createdAt: new Date().toISOString(),
    finishedAt: null,
    ...overrides,
  };
}

const ended = (start: CommandLogRecord, durationMs: number): CommandLogRecord => ({
  ...start,
  status: 'success',
  durationMs,
  finishedAt: new Date().toISOString(),
});

/** The writer's waits: 20 s unless a test says otherwise. */
const WAIT = { timeoutMs: 20_000 };

describe('command log writer', () => {
  describe('idempotent upsert and the sweeper', () => {
    let worker: TestingModule;
    let db: DataSource;
    const logged: EventEnvelope<'command.logged'>[] = [];

    beforeAll(async () => {
      worker = await startCommandsWorker({
        REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}upsert:`,
        COMMAND_TIMEOUT_MS: '30000',
      });
      db = worker.get(DataSource);
      await worker.get(EventBus).subscribe('command.logged', (e) => void logged.push(e));
    });
    afterAll(() => worker?.close());

    it('makes no duplicates and no second announcement when a batch is replayed', async () => {
      const store = worker.get(CommandLogStore);
      const start = record();
      const end = ended(start, 42);
      expect([...(await store.upsert([start]))]).toEqual([]);
      expect([...(await store.upsert([end]))]).toEqual([start.interactionId]);
      // The replay of both, in either order, changes nothing and reports nothing.
      expect([...(await store.upsert([start]))]).toEqual([]);
      expect([...(await store.upsert([end]))]).toEqual([]);
      const rows: { status: string; duration_ms: number; n: number }[] = await db.query(
        `SELECT status, duration_ms, count(*) OVER ()::int AS n
           FROM command_logs WHERE interaction_id = $1`,
        [start.interactionId],
      );
      expect(rows).toEqual([{ status: 'success', duration_ms: 42, n: 1 }]);
    });

    it('drops a record the database refuses without holding back its batch', async () => {
      const queue = worker.get(CommandLogQueue);
      const good = record();
      const bad = record({ botId: 'not-a-uuid', status: 'success' });
      await queue.enqueue(good);
      await queue.enqueue(bad);
      await queue.enqueue(ended(good, 7));
      const rows = await until(
        'the good record written',
        () =>
          db.query<{ interaction_id: string; status: string }[]>(
            `SELECT interaction_id, status FROM command_logs WHERE interaction_id = ANY($1)`,
            [[good.interactionId, bad.interactionId]],
          ),
        (found) => found.some((row) => row.status === 'success'),
        { timeoutMs: 10_000 },
      );
      expect(rows).toEqual([{ interaction_id: good.interactionId, status: 'success' }]);
      await expect(
        until(
          'the stream trimmed',
          () => worker.get<Redis>(REDIS).xlen(COMMAND_LOG_STREAM),
          (n) => n === 0,
          { timeoutMs: 5_000 },
        ),
      ).resolves.toBe(0);
    });

    it('keeps writing after Redis loses the stream and its group', async () => {
      const redis = worker.get<Redis>(REDIS);
      // What a Redis restart without persistence leaves behind: no stream, no consumer group.
      await redis.del(COMMAND_LOG_STREAM);
      const start = record({ command: 'after-restart' });
      await worker.get(CommandLogQueue).enqueue(start);
      await worker.get(CommandLogQueue).enqueue(ended(start, 7));
      const rows = await until(
        'the record written after the stream was lost',
        () =>
          db.query<{ status: string; duration_ms: number }[]>(
            'SELECT status, duration_ms FROM command_logs WHERE interaction_id = $1',
            [start.interactionId],
          ),
        (found) => found.length === 1 && found[0]?.status === 'success',
        WAIT,
      );
      expect(rows).toEqual([{ status: 'success', duration_ms: 7 }]);
    });

    it('marks commands open past COMMAND_TIMEOUT_MS as timed_out, once', async () => {
      const botId = randomUUID();
      const [stale, fresh] = await insertLogs(db, [
        { botId, command: 'slow', status: 'started', createdAt: new Date(Date.now() - 60_000) },
        { botId, command: 'slow', status: 'started', createdAt: new Date(Date.now() + 60_000) },
      ]);
      const sweeper = worker.get(CommandSweeper);
      expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
      const second = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
      expect(second).toEqual([0, 0]);
      const rows: { interaction_id: string; status: string; error_code: string | null }[] =
        await db.query(
          `SELECT interaction_id, status, error_code FROM command_logs
            WHERE interaction_id = ANY($1) ORDER BY created_at`,
          [[stale, fresh]],
        );
      expect(rows).toEqual([
        { interaction_id: stale, status: 'timed_out', error_code: 'COMMAND_TIMED_OUT' },
        { interaction_id: fresh, status: 'started', error_code: null },
      ]);
      const events = await until(
        'the timed_out event',
        () => logged.filter((e) => e.payload.interactionId === stale),
        (found) => found.length > 0,
        { timeoutMs: 5_000 },
      );
      expect(events.map((e) => e.payload.status)).toEqual(['timed_out']);
    });
  });

  describe('a writer killed while logs are queued', () => {
    // A stream of its own, so no other writer in this run can drain it.
    const prefix = `${process.env.REDIS_KEY_PREFIX}kill:`;
    const env = {
      REDIS_KEY_PREFIX: prefix,
      COMMAND_LOG_CLAIM_IDLE_MS: '1000',
      COMMAND_LOG_BATCH_SIZE: '50',
    };
    let redis: Redis;
    let child: ChildProcess | undefined;
    let locker: Client | undefined;
    let survivor: TestingModule | undefined;

    beforeAll(() => {
      redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
    });
    afterAll(async () => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await locker?.end().catch(() => undefined);
      await survivor?.close();
      await redis.quit();
    });

    /** Entries read by a writer and not yet acknowledged (0 before any writer joined). */
    const pendingCount = async () => {
      try {
        const summary = (await redis.xpending(COMMAND_LOG_STREAM, COMMAND_LOG_GROUP)) as [number];
        return Number(summary[0]);
      } catch (error) {
        if (String(error).includes('NOGROUP')) return 0;
        throw error;
      }
    };

    it('loses none and duplicates none once another writer takes over', async () => {
      const queue = new CommandLogQueue(redis);
      const starts = Array.from({ length: 120 }, () => record());
      for (const start of starts) await queue.enqueue(start);
      for (const [i, start] of starts.entries()) await queue.enqueue(ended(start, i));

      // Hold the table, so the writer's first batch blocks after it has been read, unacked.
      locker = new Client({ connectionString: process.env.DATABASE_URL });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE command_logs IN EXCLUSIVE MODE');

      child = spawnWriter(env);
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      expect(await until('a batch read, unacked', pendingCount, (n) => n >= 50, WAIT)).toBe(50);
      child.kill('SIGKILL');
      await exited;
      await locker.query('ROLLBACK');

      survivor = await startCommandsWorker(env);
      const ids = starts.map((s) => s.interactionId);
      const rows = await until(
        'every log written by the survivor',
        async () =>
          survivor!
            .get(DataSource)
            .query<{ interaction_id: string; status: string; duration_ms: number }[]>(
              `SELECT interaction_id, status, duration_ms FROM command_logs
                WHERE interaction_id = ANY($1) AND status <> 'started'`,
              [ids],
            ),
        (found) => found.length === ids.length,
        WAIT,
      );
      expect(rows).toHaveLength(120);
      const byId = new Map(rows.map((row) => [row.interaction_id, row]));
      expect(
        starts.map((s) => [
          byId.get(s.interactionId)?.status,
          byId.get(s.interactionId)?.duration_ms,
        ]),
      ).toEqual(starts.map((_, i) => ['success', i]));
      const all: { n: number }[] = await survivor
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM command_logs WHERE interaction_id = ANY($1)`, [ids]);
      expect(all).toEqual([{ n: 120 }]);
      // Everything acknowledged and trimmed: nothing left to replay.
      expect(await until('everything acknowledged', pendingCount, (n) => n === 0, WAIT)).toBe(0);
      expect(await redis.xlen(COMMAND_LOG_STREAM)).toBe(0);
    });
  });
});

function spawnWriter(env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'support', 'log-writer.process.ts'),
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
}
