export interface AuditWriterOptions {
  /** How long an entry may wait for companions before its batch is written. */
  flushIntervalMs: number;
  /** A batch this large is written at once; the drainer stores this many per statement. */
  batchSize: number;
  /** How often the spool and the memory buffer are drained back into PostgreSQL. */
  drainIntervalMs: number;
  /** Entries kept in memory when PostgreSQL and Redis are both unreachable; past it, dropped. */
  maxBuffered: number;
}

export const AUDIT_WRITER_OPTIONS = Symbol('AUDIT_WRITER_OPTIONS');

export const DEFAULT_AUDIT_WRITER_OPTIONS: AuditWriterOptions = {
  flushIntervalMs: 100,
  batchSize: 200,
  drainIntervalMs: 1_000,
  maxBuffered: 10_000,
};
