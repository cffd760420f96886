import { FAIL_FAST_REDIS_OPTIONS, REDIS } from '@botdeck/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { AuditEntry } from '../entries/audit-entry.entity';
import { AuditMetrics } from './audit-metrics';

/** The Redis Stream holding entries PostgreSQL could not take (key-prefixed). */
export const AUDIT_SPOOL_STREAM = 'audit:spool';
/** Every API instance drains it as one consumer group: each entry goes to one drainer. */
export const AUDIT_SPOOL_GROUP = 'audit-drainers';
const ENTRY_FIELD = 'e';

export interface SpooledEntry {
  streamId: string;
  entry: AuditEntry;
}

/** The durable side of the retry path (a fake in unit tests). */
export interface AuditSpoolPort {
  add(entries: AuditEntry[]): Promise<void>;
  /** Up to `count` entries to store: this drainer's own unacknowledged ones first. */
  take(count: number): Promise<SpooledEntry[]>;
  /** Removes entries once their rows are committed. */
  done(streamIds: string[]): Promise<void>;
  /** Closes what the spool opened, after the last drain. */
  close(): Promise<void>;
}

type StreamEntry = [id: string, fields: string[] | null];

/**
 * A Redis Stream with a consumer group, as the command log uses: an entry is durable once XADD
 * returns, and acknowledged only after its row is committed, so a drainer that dies mid-batch
 * leaves its entries pending for another one to claim (XAUTOCLAIM); the replay is harmless
 * because rows are inserted ON CONFLICT (id) DO NOTHING.
 */
@Injectable()
export class AuditSpool implements AuditSpoolPort, OnModuleInit {
  private readonly logger = new Logger(AuditSpool.name);
  readonly consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  /** Entries another drainer has held this long are taken over (it is presumed dead). */
  claimIdleMs = 30_000;
  private groupReady = false;
  private owned: Redis | null = null;

  constructor(
    @Inject(REDIS) private redis: Redis,
    private readonly metrics: AuditMetrics,
  ) {}

  /**
   * Spools on a connection of its own that fails at once while Redis is away: an entry that
   * could not be spooled is held in memory, and must not also reach the stream late.
   */
  onModuleInit(): void {
    this.owned = this.redis.duplicate({
      connectionName: 'botdeck-audit-spool',
      ...FAIL_FAST_REDIS_OPTIONS,
    });
    this.redis = this.owned;
  }

  async close(): Promise<void> {
    await this.owned?.quit().catch(() => this.owned?.disconnect());
  }

  async add(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const entry of entries) {
      pipeline.xadd(AUDIT_SPOOL_STREAM, '*', ENTRY_FIELD, JSON.stringify(entry));
    }
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed || results.length !== entries.length) {
      throw failed?.[0] ?? new Error('Redis did not take every audit entry');
    }
  }

  async take(count: number): Promise<SpooledEntry[]> {
    await this.ensureGroup();
    try {
      const claimed = await this.claimIdle(count);
      if (claimed.length > 0) return claimed;
      // This drainer's own unacknowledged entries first: a batch PostgreSQL did not take stays
      // pending, and is retried on the next round rather than after the claim timeout.
      const own = await this.read(count, '0');
      if (own.length > 0) return own;
      return await this.read(count, '>');
    } catch (error) {
      // Redis lost the stream (flushed, restarted without persistence): make it anew.
      if (String((error as Error).message).startsWith('NOGROUP')) this.groupReady = false;
      throw error;
    }
  }

  async done(streamIds: string[]): Promise<void> {
    if (streamIds.length === 0) return;
    await this.redis
      .multi()
      .xack(AUDIT_SPOOL_STREAM, AUDIT_SPOOL_GROUP, ...streamIds)
      .xdel(AUDIT_SPOOL_STREAM, ...streamIds)
      .exec();
  }

  private async ensureGroup(): Promise<void> {
    if (this.groupReady) return;
    try {
      // ioredis does not prefix XGROUP's key (its position depends on the subcommand).
      const stream = `${this.redis.options.keyPrefix ?? ''}${AUDIT_SPOOL_STREAM}`;
      await this.redis.xgroup('CREATE', stream, AUDIT_SPOOL_GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
    this.groupReady = true;
  }

  private async read(count: number, from: string): Promise<SpooledEntry[]> {
    const reply = (await this.redis.call(
      'XREADGROUP',
      'GROUP',
      AUDIT_SPOOL_GROUP,
      this.consumer,
      'COUNT',
      String(count),
      'STREAMS',
      AUDIT_SPOOL_STREAM,
      from,
    )) as [string, StreamEntry[]][] | null;
    return this.parse(reply?.[0]?.[1] ?? []);
  }

  private async claimIdle(count: number): Promise<SpooledEntry[]> {
    const [, entries, deleted] = (await this.redis.xautoclaim(
      AUDIT_SPOOL_STREAM,
      AUDIT_SPOOL_GROUP,
      this.consumer,
      this.claimIdleMs,
      '0-0',
      'COUNT',
      count,
    )) as [string, StreamEntry[], string[]];
    if (deleted?.length) await this.redis.xack(AUDIT_SPOOL_STREAM, AUDIT_SPOOL_GROUP, ...deleted);
    return this.parse(entries);
  }

  private async parse(entries: StreamEntry[]): Promise<SpooledEntry[]> {
    const parsed: SpooledEntry[] = [];
    const unreadable: string[] = [];
    for (const [streamId, fields] of entries) {
      const entry = fields ? reviveEntry(fields[fields.indexOf(ENTRY_FIELD) + 1]) : null;
      if (entry) parsed.push({ streamId, entry });
      else unreadable.push(streamId);
    }
    // Deleted while pending (null fields) or unreadable: nothing left to store.
    if (unreadable.length > 0) {
      const malformed = entries.filter(([id, fields]) => fields && unreadable.includes(id));
      if (malformed.length > 0) {
        this.metrics.add('dropped', malformed.length);
        this.logger.error({ count: malformed.length }, 'Dropping unreadable spooled audit entries');
      }
      await this.done(unreadable);
    }
    return parsed;
  }
}

function reviveEntry(json: string | undefined): AuditEntry | null {
  try {
    const value = JSON.parse(json ?? '') as AuditEntry & { createdAt: string };
    if (typeof value?.id !== 'string' || typeof value.createdAt !== 'string') return null;
    return Object.assign(new AuditEntry(), value, { createdAt: new Date(value.createdAt) });
  } catch {
    return null;
  }
}
