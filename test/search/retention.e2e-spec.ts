import { AuditRetention } from '@botdeck/audit';
import { CommandLogPartitions, CommandLogStore, type CommandLogRecord } from '@botdeck/commands';
import { postgresOptions } from '@botdeck/core';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CoreModule, DatabaseModule, QueueModule } from '@botdeck/core';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { RetentionModule } from '../../apps/worker/src/retention/retention.module';
import { RETENTION_QUEUE } from '../../apps/worker/src/retention/retention.processor';
import { RetentionRunner } from '../../apps/worker/src/retention/retention.runner';
import { until } from '../support/eventually';
import { withEnv } from '../support/env';
import { isolatedDatabase } from '../support/isolated-database';
import { snowflake } from './support/search-rows';

const DAY_MS = 24 * 60 * 60 * 1000;
const dayName = (time: number) =>
  `command_logs_p${new Date(time).toISOString().slice(0, 10).replaceAll('-', '')}`;

describe('retention: command log partitions and the audit trail', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: DataSource;
  let runner: RetentionRunner;
  const now = Date.now();

  beforeAll(async () => {
    // Services built by hand log through Nest's console logger: keep the output clean.
    Logger.overrideLogger(false);
    // The job works on whole tables: a database of its own.
    database = await isolatedDatabase();
    db = new DataSource(postgresOptions({ url: database.url, poolSize: 6 }));
    await db.initialize();
    const partitions = new CommandLogPartitions(db, {
      retentionDays: 30,
      partitionsAheadDays: 3,
      facetRowCap: 1_000,
    });
    const audit = new AuditRetention(db, { retentionDays: 10 });
    runner = new RetentionRunner(db, partitions, audit);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const record = (createdAt: number): CommandLogRecord => ({
    interactionId: snowflake(),
    botId: randomUUID(),
    guildId: '300000000000000001',
    channelId: '400000000000000001',
    userId: '200000000000000001',
    userName: 'tab\there, back\\slash, new\nline',
    command: 'ping',
    options: { text: 'a "quoted" value' },
    status: 'success',
    errorCode: null,
    errorMessage: null,
    durationMs: 5,
    deferred: false,
    createdAt: new Date(createdAt).toISOString(),
    finishedAt: new Date(createdAt).toISOString(),
  });

  it('drops expired day partitions and creates the next days while the writer keeps writing', async () => {
    const store = new CommandLogStore(db);
    const old = now - 40 * DAY_MS;
    const ancient = now - 100 * DAY_MS;
    await db.query(`SELECT command_logs_add_partition($1::date)`, [
      new Date(old).toISOString().slice(0, 10),
    ]);
    // One row in an expired day partition, one in the default partition (no day of its own).
    await store.upsert([record(old), record(ancient)]);
    const kept = record(now - 2 * DAY_MS);
    await store.upsert([kept]);

    // The writer, flat out, for the whole run.
    let writing = true;
    const latencies: number[] = [];
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const batch = Array.from({ length: 200 }, () => record(Date.now()));
        const started = performance.now();
        const finished = await store.upsert(batch);
        latencies.push(performance.now() - started);
        written += finished.size;
      }
    })();

    // Two workers at once: one runs, the other steps aside.
    const runs = await Promise.all([runner.run(now), runner.run(now)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    writing = false;
    await writer;

    expect(runs.filter((run) => run.ran)).toHaveLength(1);
    const run = runs.find((r) => r.ran)!;
    expect(run.partitions?.dropped).toEqual([dayName(old)]);
    expect(run.partitions?.deletedFromDefault).toBe(1);

    const names = (
      await db.query<{ name: string }[]>(
        `SELECT relname AS name FROM pg_inherits JOIN pg_class ON oid = inhrelid
          WHERE inhparent = 'command_logs'::regclass`,
      )
    ).map((row) => row.name);
    expect(names).not.toContain(dayName(old));
    for (let offset = 0; offset <= 3; offset += 1) {
      expect(names).toContain(dayName(now + offset * DAY_MS));
    }
    expect(await db.query(`SELECT to_regclass($1) AS t`, [dayName(old)])).toEqual([{ t: null }]);

    // Nothing the writer wrote was lost, and every row is where its day says.
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM command_logs WHERE created_at > now() - interval '1 day'`,
    );
    expect(count).toBe(written);
    expect(written).toBeGreaterThan(0);
    const [stored] = await db.query<{ user_name: string; options: unknown }[]>(
      `SELECT user_name, options FROM command_logs WHERE interaction_id = $1`,
      [kept.interactionId],
    );
    expect(stored).toEqual({ user_name: kept.userName, options: kept.options });
    // Two days ago had no partition (the job makes them from yesterday on): kept in the default.
    const inDefault = await db.query<{ id: string }[]>(
      `SELECT interaction_id AS id FROM command_logs_default`,
    );
    expect(inDefault).toEqual([{ id: kept.interactionId }]);
    expect(latencies.length).toBeGreaterThan(1);
  });

  it('moves rows the default partition caught into their day when that day gets a partition', async () => {
    const store = new CommandLogStore(db);
    const day = now - 20 * DAY_MS;
    const early = record(day);
    await store.upsert([early]);
    const where = async () =>
      (
        await db.query<{ part: string }[]>(
          `SELECT tableoid::regclass::text AS part FROM command_logs WHERE interaction_id = $1`,
          [early.interactionId],
        )
      )[0]?.part;
    expect(await where()).toBe('command_logs_default');
    await db.query(`SELECT command_logs_add_partition($1::date)`, [
      new Date(day).toISOString().slice(0, 10),
    ]);
    expect(await where()).toBe(dayName(day));
    // The end of that interaction still meets its start in the new partition.
    const finished = await store.upsert([
      { ...early, status: 'started' },
      { ...early, status: 'error', errorCode: 'X' },
    ]);
    expect(finished.size).toBe(0);
  });

  it('deletes audit entries past AUDIT_RETENTION_DAYS, and the trail stays append-only otherwise', async () => {
    const insert = (createdAt: number) =>
      db.query<{ id: string }[]>(
        `INSERT INTO audit_entries (created_at, action, outcome, method, path)
         VALUES ($1, 'bot.update', 'success', 'PATCH', '/api/v1/bots/x') RETURNING id`,
        [new Date(createdAt)],
      );
    const [oldEntry] = await insert(now - 11 * DAY_MS);
    const [newEntry] = await insert(now - 9 * DAY_MS);
    const run = await runner.run(now);
    expect(run.auditDeleted).toBe(1);
    const ids = (await db.query<{ id: string }[]>(`SELECT id FROM audit_entries`)).map((r) => r.id);
    expect(ids).toContain(newEntry.id);
    expect(ids).not.toContain(oldEntry.id);
    await expect(db.query(`DELETE FROM audit_entries`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE audit_entries SET action = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('runs as a BullMQ repeatable job in the worker, scheduled once however many workers start', async () => {
    @Module({ imports: [CoreModule, DatabaseModule.forRoot(), QueueModule, RetentionModule] })
    class RetentionWorker {}
    const ahead = now + 12 * DAY_MS;
    const workers: INestApplicationContext[] = [];
    try {
      await withEnv(
        {
          DATABASE_URL: database.url,
          RETENTION_INTERVAL_MS: '60000',
          COMMAND_LOG_PARTITIONS_AHEAD_DAYS: '12',
        },
        async () => {
          for (let i = 0; i < 2; i += 1) {
            workers.push(
              await NestFactory.createApplicationContext(RetentionWorker, { logger: false }),
            );
          }
        },
      );
      // The first run starts at once: the day 12 days ahead gets its partition.
      await until(
        'the retention job to create the partition 12 days ahead',
        async () =>
          (
            await db.query<{ t: string | null }[]>(`SELECT to_regclass($1)::text AS t`, [
              dayName(ahead),
            ])
          )[0]?.t,
        (name) => name === dayName(ahead),
        { timeoutMs: 15_000 },
      );
      const queue = workers[0].get<Queue>(getQueueToken(RETENTION_QUEUE));
      expect(await queue.getJobSchedulers()).toEqual([
        expect.objectContaining({ key: 'retention', every: 60_000 }),
      ]);
    } finally {
      for (const worker of workers) await worker.close();
    }
  });
});
