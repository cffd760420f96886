import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { AuditEntry } from '../entries/audit-entry.entity';
import { AuditEntryStore, type AuditEntrySink, loggableError, persist } from './audit-entry.store';
import { AuditMetrics } from './audit-metrics';
import { AuditSpool, type AuditSpoolPort } from './audit-spool';
import {
  AUDIT_WRITER_OPTIONS,
  AuditWriterOptions,
  DEFAULT_AUDIT_WRITER_OPTIONS,
} from './audit-writer.options';

/**
 * The durable retry path for entries PostgreSQL could not take: the Redis spool, or when Redis
 * is unreachable too, a bounded buffer in memory. A periodic drainer writes both back into
 * PostgreSQL once it returns. Outages are logged once when they start and once when they
 * end, never per entry; every entry is counted in `AuditMetrics`.
 */
@Injectable()
export class AuditRetryPath implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditWriter');
  private readonly options: AuditWriterOptions;
  private buffer: AuditEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private postgresDown = false;
  private redisDown = false;
  private overflowLogged = false;

  constructor(
    @Inject(AuditEntryStore) private readonly sink: AuditEntrySink,
    @Inject(AuditSpool) private readonly spool: AuditSpoolPort,
    private readonly metrics: AuditMetrics,
    @Optional() @Inject(AUDIT_WRITER_OPTIONS) options?: Partial<AuditWriterOptions>,
  ) {
    this.options = { ...DEFAULT_AUDIT_WRITER_OPTIONS, ...options };
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.drain(), this.options.drainIntervalMs);
    this.timer.unref();
  }

  /** Entries PostgreSQL could not take (`cause` says why): to the spool, else to memory. */
  async keep(entries: AuditEntry[], cause: unknown): Promise<void> {
    this.notePostgres(false, cause);
    try {
      await this.spool.add(entries);
      this.metrics.add('spooled', entries.length);
      this.noteRedis(true);
    } catch (error) {
      this.noteRedis(false, error);
      this.hold(entries);
    }
  }

  /** PostgreSQL took a write: the outage, if any, is over. */
  notePostgresReachable(): void {
    this.notePostgres(true);
  }

  /** Writes what the memory buffer and the spool hold back into PostgreSQL (one at a time). */
  drain(): Promise<void> {
    this.draining ??= this.drainOnce().finally(() => (this.draining = null));
    return this.draining;
  }

  /**
   * Stops the drainer and makes a last attempt to store or spool the memory buffer; what is
   * still there cannot outlive the process and is counted as dropped.
   */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
    await this.drainBuffer();
    if (this.buffer.length > 0) {
      this.metrics.add('dropped', this.buffer.length);
      this.logger.error(
        { count: this.buffer.length },
        'Audit entries lost at shutdown: PostgreSQL and Redis were both unreachable',
      );
      this.buffer = [];
      this.metrics.setBuffered(0);
    }
    await this.spool.close();
  }

  private async drainOnce(): Promise<void> {
    try {
      await this.drainBuffer();
      await this.drainSpool();
    } catch (error) {
      this.logger.error({ err: loggableError(error) }, 'Audit drain failed; it runs again');
    }
  }

  private async drainBuffer(): Promise<void> {
    while (this.buffer.length > 0) {
      // Counted out of memory before the write, so the rows never show in the table while
      // still counted as held; what PostgreSQL does not take is counted back in below.
      const batch = this.buffer.splice(0, this.options.batchSize);
      this.metrics.setBuffered(this.buffer.length);
      const { unreachable, error } = await this.store(batch);
      if (unreachable.length === 0) continue;
      try {
        await this.spool.add(unreachable);
        this.metrics.add('spooled', unreachable.length);
        this.noteRedis(true);
      } catch (spoolError) {
        this.noteRedis(false, spoolError ?? error);
        this.buffer.unshift(...unreachable);
        break;
      }
    }
    this.metrics.setBuffered(this.buffer.length);
  }

  private async drainSpool(): Promise<void> {
    for (;;) {
      let taken;
      try {
        taken = await this.spool.take(this.options.batchSize);
        this.noteRedis(true);
      } catch (error) {
        this.noteRedis(false, error);
        return;
      }
      if (taken.length === 0) return;
      const { unreachable } = await this.store(taken.map((spooled) => spooled.entry));
      // Unreachable rows are always the tail of the batch; those before it are stored.
      const stored = taken.slice(0, taken.length - unreachable.length);
      await this.spool.done(stored.map((spooled) => spooled.streamId));
      if (unreachable.length > 0) return;
    }
  }

  /** Stores rows that failed before, counting them; returns those PostgreSQL did not take. */
  private async store(rows: AuditEntry[]) {
    const outcome = await persist(this.sink, rows, this.logger);
    this.metrics.add('written', outcome.written);
    this.metrics.add('retried', outcome.written);
    this.metrics.add('degraded', outcome.degraded);
    this.metrics.add('dropped', outcome.refused);
    this.notePostgres(outcome.unreachable.length === 0, outcome.error);
    return outcome;
  }

  private hold(entries: AuditEntry[]): void {
    const room = Math.max(0, this.options.maxBuffered - this.buffer.length);
    const kept = entries.slice(0, room);
    const dropped = entries.length - kept.length;
    this.buffer.push(...kept);
    this.metrics.add('buffered', kept.length);
    this.metrics.setBuffered(this.buffer.length);
    if (dropped === 0) return;
    this.metrics.add('dropped', dropped);
    if (!this.overflowLogged) {
      this.overflowLogged = true;
      this.logger.error(
        { maxBuffered: this.options.maxBuffered },
        'Audit memory buffer full while PostgreSQL and Redis are unreachable; dropping new entries (counted in audit metrics)',
      );
    }
  }

  private notePostgres(reachable: boolean, cause?: unknown): void {
    if (reachable === !this.postgresDown) return;
    this.postgresDown = !reachable;
    if (reachable) {
      this.logger.log({ audit: this.metrics.snapshot() }, 'PostgreSQL reachable again for audit');
    } else {
      this.logger.warn(
        { err: loggableError(cause) },
        'PostgreSQL unreachable: audit entries go to the Redis spool until it returns',
      );
    }
  }

  private noteRedis(reachable: boolean, cause?: unknown): void {
    if (reachable === !this.redisDown) return;
    this.redisDown = !reachable;
    if (reachable) {
      this.overflowLogged = false;
      this.logger.log(
        { audit: this.metrics.snapshot() },
        'Redis reachable again for the audit spool',
      );
    } else {
      this.logger.warn(
        { err: loggableError(cause), maxBuffered: this.options.maxBuffered },
        'Redis unreachable: audit entries PostgreSQL cannot take are held in memory',
      );
    }
  }
}
