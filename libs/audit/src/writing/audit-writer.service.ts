import { EventBus } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { AuditEntry } from '../entries/audit-entry.entity';
import { AuditEntryDto } from '../entries/dto/audit-entry.dto';
import { AuditEntryStore, type AuditEntrySink, loggableError, persist } from './audit-entry.store';
import { AuditMetrics } from './audit-metrics';
import { AuditRetryPath } from './audit-retry.service';
import {
  AUDIT_WRITER_OPTIONS,
  AuditWriterOptions,
  DEFAULT_AUDIT_WRITER_OPTIONS,
} from './audit-writer.options';

/**
 * Writes the entries of requests that failed or were refused (nothing of theirs commits, so
 * their entries cannot ride a transaction). It buffers them and writes multi-row inserts, so
 * auditing adds no database round trip to a request. A batch the database refuses for its
 * data is written row by row, so one bad row never takes the others with it; a batch that
 * cannot reach PostgreSQL goes to the retry path (Redis spool, else bounded memory). It never
 * fails the request that produced the entry. Everything pending is written on shutdown.
 */
@Injectable()
export class AuditWriter implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(AuditWriter.name);
  private readonly options: AuditWriterOptions;
  private pending: AuditEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(AuditEntryStore) private readonly sink: AuditEntrySink,
    private readonly retry: AuditRetryPath,
    private readonly metrics: AuditMetrics,
    @Optional() @Inject(AUDIT_WRITER_OPTIONS) options?: Partial<AuditWriterOptions>,
    // Absent where nobody listens (unit tests of the writer alone).
    @Optional() private readonly events?: EventBus,
  ) {
    this.options = { ...DEFAULT_AUDIT_WRITER_OPTIONS, ...options };
  }

  /** Entries waiting for their batch (not yet handed to the database). */
  get pendingCount(): number {
    return this.pending.length;
  }

  record(entry: AuditEntry): void {
    this.pending.push(entry);
    if (this.pending.length >= this.options.batchSize) {
      this.startFlush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.startFlush(), this.options.flushIntervalMs);
    }
  }

  /** Writes (or spools) everything pending and waits for every write already under way. */
  async flush(): Promise<void> {
    this.startFlush();
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight]);
    }
  }

  // HTTP stops accepting requests between these two hooks; requests still in flight then may
  // add entries, hence a second flush. Both run before TypeORM closes its pool and Redis
  // quits: Nest runs shutdown hooks nearest-the-root first and global modules last.
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    await this.retry.close();
  }

  private startFlush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.batchSize);
      const write = this.write(batch).finally(() => this.inFlight.delete(write));
      this.inFlight.add(write);
    }
  }

  private async write(batch: AuditEntry[]): Promise<void> {
    try {
      const outcome = await persist(this.sink, batch, this.logger);
      this.metrics.add('written', outcome.written);
      this.metrics.add('degraded', outcome.degraded);
      this.metrics.add('dropped', outcome.refused);
      if (outcome.written > 0 && outcome.refused === 0) this.announce(batch, outcome.unreachable);
      if (outcome.unreachable.length > 0) {
        await this.retry.keep(outcome.unreachable, outcome.error);
      } else {
        this.retry.notePostgresReachable();
      }
    } catch (error) {
      // persist and keep handle every failure they expect; this is a bug, and it is counted.
      this.metrics.add('dropped', batch.length);
      this.logger.error({ err: loggableError(error), entries: batch.length }, 'Audit batch lost');
    }
  }

  /**
   * Tells live dashboards what was stored, without holding the batch up (publish never throws).
   * Rows still unreachable are not announced; a batch with a refused row is not announced at
   * all, since which row was refused is not known here.
   */
  private announce(batch: AuditEntry[], unreachable: AuditEntry[]): void {
    if (!this.events) return;
    const skipped = new Set(unreachable);
    const stored = batch.filter((entry) => !skipped.has(entry));
    void this.events.publish('audit.recorded', {
      entries: stored.map((e) => AuditEntryDto.from(e)),
    });
  }
}
