import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AuditEntry } from '../entries/audit-entry.entity';
import type { AuditEntrySink } from './audit-entry.store';
import { AuditMetrics } from './audit-metrics';
import { AuditRetryPath } from './audit-retry.service';
import type { AuditSpoolPort, SpooledEntry } from './audit-spool';
import { AuditWriter } from './audit-writer.service';
import type { AuditWriterOptions } from './audit-writer.options';

function entry(n: number, after: object | null = null): AuditEntry {
  return { id: `id-${n}`, requestId: `req-${n}`, action: 'user.create', after } as AuditEntry;
}

const SECRET = 'sealed-token-parameter';

/** What PostgreSQL answers: a refusal of the data (22P05) or a lost connection. */
function refusal(): QueryFailedError {
  const driverError = Object.assign(new Error('unsupported Unicode escape sequence'), {
    code: '22P05',
  });
  return new QueryFailedError('INSERT INTO "audit_entries" …', [SECRET], driverError);
}
const connectionLost = () =>
  Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

class FakeSink implements AuditEntrySink {
  readonly batches: AuditEntry[][] = [];
  down = false;
  refuse: (row: AuditEntry) => boolean = () => false;

  insert = jest.fn(async (rows: AuditEntry[]) => {
    await Promise.resolve();
    if (this.down) throw connectionLost();
    if (rows.some((row) => this.refuse(row))) throw refusal();
    this.batches.push(rows);
  });

  get written(): string[] {
    return this.batches.flat().map((row) => row.id);
  }
}

class FakeSpool implements AuditSpoolPort {
  readonly stream: SpooledEntry[] = [];
  down = false;
  private seq = 0;

  add = jest.fn(async (entries: AuditEntry[]) => {
    await Promise.resolve();
    if (this.down) throw new Error('Connection is closed.');
    for (const row of entries) this.stream.push({ streamId: `${(this.seq += 1)}-0`, entry: row });
  });

  take = jest.fn(async (count: number) => {
    await Promise.resolve();
    if (this.down) throw new Error('Connection is closed.');
    return this.stream.slice(0, count);
  });

  done = jest.fn(async (ids: string[]) => {
    await Promise.resolve();
    const gone = new Set(ids);
    this.stream.splice(0, this.stream.length, ...this.stream.filter((s) => !gone.has(s.streamId)));
  });

  close = jest.fn(() => Promise.resolve());
}

describe('AuditWriter', () => {
  let sink: FakeSink;
  let spool: FakeSpool;
  let metrics: AuditMetrics;
  let logged: unknown[][];

  const make = (options: Partial<AuditWriterOptions> = {}) => {
    const all = { flushIntervalMs: 100, batchSize: 200, maxBuffered: 1000, ...options };
    const retry = new AuditRetryPath(sink, spool, metrics, all);
    return { writer: new AuditWriter(sink, retry, metrics, all), retry };
  };

  beforeEach(() => {
    sink = new FakeSink();
    spool = new FakeSpool();
    metrics = new AuditMetrics();
    logged = [];
    for (const level of ['log', 'warn', 'error'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logged.push(args);
      });
    }
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('batches entries and writes them once the flush interval has passed', async () => {
    jest.useFakeTimers();
    const { writer } = make();
    writer.record(entry(1));
    writer.record(entry(2));
    writer.record(entry(3));

    await jest.advanceTimersByTimeAsync(99);
    expect(sink.insert).not.toHaveBeenCalled();

    await jest.advanceTimersByTimeAsync(1);
    expect(sink.insert).toHaveBeenCalledTimes(1);
    expect(sink.written).toEqual(['id-1', 'id-2', 'id-3']);
    expect(writer.pendingCount).toBe(0);
    expect(metrics.snapshot().written).toBe(3);
  });

  it('writes a full batch at once without waiting for the timer', async () => {
    jest.useFakeTimers();
    const { writer } = make();
    for (let n = 0; n < 450; n += 1) writer.record(entry(n));

    await jest.advanceTimersByTimeAsync(0);
    expect(sink.batches.map((batch) => batch.length)).toEqual([200, 200]);

    await jest.advanceTimersByTimeAsync(100);
    expect(sink.batches.map((batch) => batch.length)).toEqual([200, 200, 50]);
    expect(new Set(sink.written).size).toBe(450);
  });

  it('writes everything pending on shutdown, including writes already under way', async () => {
    const { writer } = make({ flushIntervalMs: 60_000 });
    for (let n = 0; n < 250; n += 1) writer.record(entry(n));
    // 200 are already being written; 50 wait for a timer that would fire in a minute.
    expect(sink.insert).toHaveBeenCalledTimes(1);

    await writer.beforeApplicationShutdown();
    expect(sink.written).toHaveLength(250);
    expect(writer.pendingCount).toBe(0);

    writer.record(entry(999));
    await writer.onApplicationShutdown();
    expect(sink.written).toContain('id-999');
  });

  it('never lets one refused row take the rest of its batch with it', async () => {
    const { writer } = make();
    sink.refuse = (row) => JSON.stringify(row.after).includes('\\ud800');
    for (let n = 0; n < 5; n += 1) writer.record(entry(n, n === 2 ? { name: '\ud800' } : null));
    await writer.flush();

    expect(sink.written.sort()).toEqual(['id-0', 'id-1', 'id-2', 'id-3', 'id-4']);
    const poisoned = sink.batches.flat().find((row) => row.id === 'id-2');
    expect(poisoned?.after).toEqual({ unstorable: 'the database refused this change set' });
    expect(metrics.snapshot()).toMatchObject({ written: 5, degraded: 1, dropped: 0 });
  });

  it('counts a row the database refuses even without its change set as dropped', async () => {
    const { writer } = make();
    sink.refuse = (row) => row.id === 'id-1';
    writer.record(entry(0));
    writer.record(entry(1));
    await writer.flush();
    expect(sink.written).toEqual(['id-0']);
    expect(metrics.snapshot()).toMatchObject({ written: 1, dropped: 1 });
  });

  it('never logs the SQL or its parameters', async () => {
    const { writer } = make();
    sink.refuse = () => true;
    writer.record(entry(1));
    await writer.flush();
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    expect(text).toContain('22P05');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('INSERT INTO');
  });

  it('spools what PostgreSQL cannot take, and the drainer writes it once PostgreSQL is back', async () => {
    const { writer, retry } = make();
    sink.down = true;
    for (let n = 0; n < 3; n += 1) writer.record(entry(n));
    await expect(writer.flush()).resolves.toBeUndefined();
    expect(spool.stream.map((s) => s.entry.id)).toEqual(['id-0', 'id-1', 'id-2']);
    expect(metrics.snapshot()).toMatchObject({ written: 0, spooled: 3, dropped: 0 });

    await retry.drain();
    expect(spool.stream).toHaveLength(3); // still down: nothing acknowledged

    sink.down = false;
    await retry.drain();
    expect(sink.written).toEqual(['id-0', 'id-1', 'id-2']);
    expect(spool.stream).toEqual([]);
    expect(metrics.snapshot()).toMatchObject({ written: 3, retried: 3, spooled: 3 });
  });

  it('logs an outage once when it starts and once when it ends, not per entry', async () => {
    const { writer, retry } = make({ batchSize: 1 });
    sink.down = true;
    for (let n = 0; n < 20; n += 1) writer.record(entry(n));
    await writer.flush();
    sink.down = false;
    await retry.drain();
    const messages = logged.map((args) => args[1]);
    expect(messages.filter((m) => /PostgreSQL unreachable/.test(String(m)))).toHaveLength(1);
    expect(messages.filter((m) => /PostgreSQL reachable again/.test(String(m)))).toHaveLength(1);
  });

  it('holds entries in memory up to the bound when Redis is down too, and counts the rest', async () => {
    const { writer, retry } = make({ maxBuffered: 4 });
    sink.down = true;
    spool.down = true;
    for (let n = 0; n < 6; n += 1) writer.record(entry(n));
    await writer.flush();
    expect(metrics.snapshot()).toMatchObject({ buffered: 4, bufferedNow: 4, dropped: 2 });

    // Redis returns first: the buffer moves to the spool; then PostgreSQL: it is written.
    spool.down = false;
    await retry.drain();
    expect(metrics.snapshot()).toMatchObject({ bufferedNow: 0, spooled: 4 });
    sink.down = false;
    await retry.drain();
    expect(sink.written).toEqual(['id-0', 'id-1', 'id-2', 'id-3']);
  });

  it('counts what is still in memory at shutdown as dropped', async () => {
    const { writer } = make();
    sink.down = true;
    spool.down = true;
    writer.record(entry(1));
    await writer.onApplicationShutdown();
    expect(metrics.snapshot()).toMatchObject({ dropped: 1, bufferedNow: 0 });
  });
});
