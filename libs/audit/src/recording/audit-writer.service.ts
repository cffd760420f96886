import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuditEntry } from '../entries/audit-entry.entity';

export interface AuditWriterOptions {
  /** How long an entry may wait for companions before its batch is written. */
  flushIntervalMs: number;
  /** A batch this large is written at once. */
  batchSize: number;
  /** Pause before the one retry of a failed insert. */
  retryDelayMs: number;
}

export const AUDIT_WRITER_OPTIONS = Symbol('AUDIT_WRITER_OPTIONS');

export const DEFAULT_AUDIT_WRITER_OPTIONS: AuditWriterOptions = {
  flushIntervalMs: 100,
  batchSize: 200,
  retryDelayMs: 200,
};

/** The part of a TypeORM repository the writer uses (a fake in unit tests). */
export type AuditEntrySink = Pick<Repository<AuditEntry>, 'insert'>;

/**
 * Buffers audit entries and writes them in multi-row inserts, so auditing adds no database
 * round trip to a request. A failed insert is logged and retried once; it never reaches the
 * request that produced the entry. Everything pending is written on shutdown.
 */
@Injectable()
export class AuditWriter implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(AuditWriter.name);
  private readonly options: AuditWriterOptions;
  private pending: AuditEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @InjectRepository(AuditEntry) private readonly sink: AuditEntrySink,
    @Optional() @Inject(AUDIT_WRITER_OPTIONS) options?: Partial<AuditWriterOptions>,
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

  /** Writes everything pending and waits for every write already under way. */
  async flush(): Promise<void> {
    this.startFlush();
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight]);
    }
  }

  // HTTP stops accepting requests between these two hooks; requests still in flight then may
  // add entries, hence a second flush. Both run before TypeORM closes its pool: Nest runs
  // shutdown hooks nearest-the-root first and global modules (TypeORM's core) last.
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
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
      await this.sink.insert(batch);
    } catch (first) {
      this.logger.warn({ err: first, entries: batch.length }, 'Audit insert failed; retrying once');
      await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs));
      try {
        await this.sink.insert(batch);
      } catch (second) {
        this.logger.error(
          {
            err: second,
            entries: batch.length,
            requestIds: batch.map((entry) => entry.requestId),
          },
          'Audit insert failed twice; entries lost',
        );
      }
    }
  }
}
