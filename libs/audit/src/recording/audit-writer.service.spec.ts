import { Logger } from '@nestjs/common';
import { AuditEntry } from '../entries/audit-entry.entity';
import { AuditEntrySink, AuditWriter } from './audit-writer.service';

function entry(n: number): AuditEntry {
  return { id: `id-${n}`, requestId: `req-${n}`, action: 'user.create' } as AuditEntry;
}

class FakeSink implements AuditEntrySink {
  readonly batches: AuditEntry[][] = [];
  failures = 0;

  insert = jest.fn(async (rows: unknown) => {
    await Promise.resolve();
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('connection reset');
    }
    this.batches.push(rows as AuditEntry[]);
    return { identifiers: [], generatedMaps: [], raw: [] };
  });

  get written(): string[] {
    return this.batches.flat().map((row) => row.id);
  }
}

describe('AuditWriter', () => {
  let sink: FakeSink;

  beforeEach(() => {
    sink = new FakeSink();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('batches entries and writes them once the flush interval has passed', async () => {
    jest.useFakeTimers();
    const writer = new AuditWriter(sink, { flushIntervalMs: 100, batchSize: 200 });
    writer.record(entry(1));
    writer.record(entry(2));
    writer.record(entry(3));

    await jest.advanceTimersByTimeAsync(99);
    expect(sink.insert).not.toHaveBeenCalled();

    await jest.advanceTimersByTimeAsync(1);
    expect(sink.insert).toHaveBeenCalledTimes(1);
    expect(sink.written).toEqual(['id-1', 'id-2', 'id-3']);
    expect(writer.pendingCount).toBe(0);
  });

  it('writes a full batch at once without waiting for the timer', async () => {
    jest.useFakeTimers();
    const writer = new AuditWriter(sink, { flushIntervalMs: 100, batchSize: 200 });
    for (let n = 0; n < 450; n += 1) writer.record(entry(n));

    await jest.advanceTimersByTimeAsync(0);
    expect(sink.batches.map((batch) => batch.length)).toEqual([200, 200]);

    await jest.advanceTimersByTimeAsync(100);
    expect(sink.batches.map((batch) => batch.length)).toEqual([200, 200, 50]);
    expect(new Set(sink.written).size).toBe(450);
  });

  it('writes everything pending on shutdown, including writes already under way', async () => {
    const writer = new AuditWriter(sink, { flushIntervalMs: 60_000, batchSize: 200 });
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

  it('retries a failed insert once and never throws to the caller', async () => {
    const writer = new AuditWriter(sink, { flushIntervalMs: 10, batchSize: 200, retryDelayMs: 1 });
    sink.failures = 1;
    writer.record(entry(1));
    await writer.flush();
    expect(sink.insert).toHaveBeenCalledTimes(2);
    expect(sink.written).toEqual(['id-1']);
  });

  it('logs and drops a batch that fails twice, and keeps writing later entries', async () => {
    const writer = new AuditWriter(sink, { flushIntervalMs: 10, batchSize: 200, retryDelayMs: 1 });
    sink.failures = 2;
    writer.record(entry(1));
    await expect(writer.flush()).resolves.toBeUndefined();
    expect(sink.insert).toHaveBeenCalledTimes(2);
    expect(Logger.prototype.error).toHaveBeenCalledTimes(1);

    writer.record(entry(2));
    await writer.flush();
    expect(sink.written).toEqual(['id-2']);
  });
});
