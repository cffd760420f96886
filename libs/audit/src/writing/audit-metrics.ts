import { Injectable } from '@nestjs/common';

/** What became of the audit entries this process produced, since it started. */
export interface AuditCounters {
  /** Rows stored: with their change (success) or by the writer, first try or later. */
  written: number;
  /** Rows stored after an earlier attempt could not reach PostgreSQL. */
  retried: number;
  /** Rows put in the Redis spool because PostgreSQL was unreachable. */
  spooled: number;
  /** Rows kept in this process's memory because PostgreSQL and Redis were both unreachable. */
  buffered: number;
  /** Rows in that memory buffer right now. */
  bufferedNow: number;
  /** Rows stored without their change set because PostgreSQL refused the values. */
  degraded: number;
  /** Rows lost: past the memory bound, refused even without a change set, or at exit. */
  dropped: number;
}

/**
 * The audit trail's counters, for monitoring to read (`snapshot()`). Nothing the writer fails
 * to store goes uncounted.
 */
@Injectable()
export class AuditMetrics {
  private readonly counters: AuditCounters = {
    written: 0,
    retried: 0,
    spooled: 0,
    buffered: 0,
    bufferedNow: 0,
    degraded: 0,
    dropped: 0,
  };

  add(counter: Exclude<keyof AuditCounters, 'bufferedNow'>, count: number): void {
    this.counters[counter] += count;
  }

  setBuffered(count: number): void {
    this.counters.bufferedNow = count;
  }

  snapshot(): AuditCounters {
    return { ...this.counters };
  }
}
