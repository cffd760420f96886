import { EventBus, isDataError, REDIS } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { commandsConfig, type CommandsConfig } from '../commands.config';
import { CommandLogDto } from '../logs/dto/command-log.dto';
import { CommandLogRecord, mergeBatch, parseRecord } from './command-log-record';
import { COMMAND_LOG_GROUP, COMMAND_LOG_STREAM, RECORD_FIELD } from './command-log-queue';
import { CommandLogStore } from './command-log.store';

type StreamEntry = [id: string, fields: string[]];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drains the log stream into PostgreSQL in batches (up to `logBatchSize` rows, or whatever
 * arrived within `logFlushMs`: after a partial batch the next read waits that long). Entries are acknowledged only after their rows are committed,
 * so a writer that dies mid-batch loses nothing: its pending entries are claimed by another
 * writer (XAUTOCLAIM) and replayed, which the idempotent upsert absorbs.
 */
@Injectable()
export class CommandLogWriter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CommandLogWriter.name);
  readonly consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private reader?: Redis;
  private running = false;
  private loop?: Promise<void>;
  /** Re-read this consumer's own unacknowledged entries before taking new ones. */
  private replayOwn = true;
  private lastClaimAt = 0;
  /** Set while batches fail, so an outage is logged when it starts and when it ends. */
  private failingSince?: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(commandsConfig.KEY) private readonly config: CommandsConfig,
    private readonly store: CommandLogStore,
    private readonly events: EventBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureGroup();
    // Blocking reads need a connection of their own.
    this.reader = this.redis.duplicate();
    // Its failures surface in the read loop, which logs an outage once.
    this.reader.on('error', () => undefined);
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.reader?.quit().catch(() => this.reader?.disconnect());
  }

  private async ensureGroup(): Promise<void> {
    try {
      // From the stream's start, so entries queued before any writer existed are not skipped.
      // ioredis does not prefix XGROUP's key (its key position depends on the subcommand).
      const stream = `${this.redis.options.keyPrefix ?? ''}${COMMAND_LOG_STREAM}`;
      await this.redis.xgroup('CREATE', stream, COMMAND_LOG_GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const readAt = Date.now();
        const entries = await this.nextEntries();
        if (entries.length > 0) await this.process(entries);
        // A partial batch means the stream is trickling: wait for more rather than pay a read,
        // an upsert and an acknowledgement per handful of records (which, in the worker that
        // also serves the commands, is time taken from them).
        if (entries.length > 0 && entries.length < this.config.logBatchSize) {
          await sleep(this.config.logFlushMs - (Date.now() - readAt));
        }
        if (this.failingSince !== undefined) {
          this.logger.log(
            { failedForMs: Date.now() - this.failingSince },
            'Command log writer working again',
          );
          this.failingSince = undefined;
        }
      } catch (error) {
        this.replayOwn = true;
        if (String((error as Error).message).startsWith('NOGROUP')) {
          // Redis lost the stream (restarted without persistence, or flushed): make it anew so
          // records queued from now on are written, instead of failing every read for ever.
          this.logger.warn('The command log stream or its group is gone; creating them again');
          await this.ensureGroup().catch(() => undefined);
          continue;
        }
        if (this.failingSince === undefined) {
          this.failingSince = Date.now();
          this.logger.error(
            { err: error },
            'Command log batch failed; entries stay queued and are retried until it works',
          );
        }
        await sleep(500);
      }
    }
  }

  private async nextEntries(): Promise<StreamEntry[]> {
    const reader = this.reader!;
    const count = this.config.logBatchSize;
    if (Date.now() - this.lastClaimAt >= this.config.logClaimIdleMs / 2) {
      this.lastClaimAt = Date.now();
      const claimed = await this.claimIdle();
      if (claimed.length > 0) return claimed;
    }
    if (this.replayOwn) {
      const own = await this.readGroup(reader, ['COUNT', count], '0');
      if (own.length > 0) return own;
      this.replayOwn = false;
    }
    return this.readGroup(reader, ['COUNT', count, 'BLOCK', this.config.logFlushMs], '>');
  }

  private async readGroup(
    reader: Redis,
    options: (string | number)[],
    from: string,
  ): Promise<StreamEntry[]> {
    const reply = (await reader.call(
      'XREADGROUP',
      'GROUP',
      COMMAND_LOG_GROUP,
      this.consumer,
      ...options.map(String),
      'STREAMS',
      COMMAND_LOG_STREAM,
      from,
    )) as [string, StreamEntry[]][] | null;
    // Entries deleted while pending come back with null fields; drop them from the PEL.
    const entries = reply?.[0]?.[1] ?? [];
    const gone = entries.filter(([, fields]) => !fields).map(([id]) => id);
    if (gone.length > 0) await this.redis.xack(COMMAND_LOG_STREAM, COMMAND_LOG_GROUP, ...gone);
    return entries.filter(([, fields]) => fields);
  }

  /** Takes over entries a dead (or stuck) writer has held longer than `logClaimIdleMs`. */
  private async claimIdle(): Promise<StreamEntry[]> {
    const [, entries, deleted] = (await this.redis.xautoclaim(
      COMMAND_LOG_STREAM,
      COMMAND_LOG_GROUP,
      this.consumer,
      this.config.logClaimIdleMs,
      '0-0',
      'COUNT',
      this.config.logBatchSize,
    )) as [string, StreamEntry[], string[]];
    if (deleted?.length) {
      await this.redis.xack(COMMAND_LOG_STREAM, COMMAND_LOG_GROUP, ...deleted);
    }
    if (entries.length > 0) this.logger.warn({ count: entries.length }, 'Claimed idle log entries');
    return entries;
  }

  private async process(entries: StreamEntry[]): Promise<void> {
    const records: CommandLogRecord[] = [];
    for (const [id, fields] of entries) {
      const record = parseRecord(fields[fields.indexOf(RECORD_FIELD) + 1] ?? '');
      if (record) records.push(record);
      else this.logger.error({ id }, 'Dropping a malformed command log entry');
    }
    const merged = mergeBatch(records);
    const finished = await this.persist(merged);
    const ids = entries.map(([id]) => id);
    await this.redis
      .multi()
      .xack(COMMAND_LOG_STREAM, COMMAND_LOG_GROUP, ...ids)
      .xdel(COMMAND_LOG_STREAM, ...ids)
      .exec();
    for (const record of merged) {
      if (!finished.has(record.interactionId)) continue;
      this.events
        .publish('command.logged', CommandLogDto.fromRecord(record))
        .catch((error: unknown) => this.logger.warn({ err: error }, 'command.logged not sent'));
    }
  }

  /**
   * One statement for the batch; if the database refuses the data itself (not the connection),
   * row by row, so one bad record cannot block every other one behind it for ever.
   */
  private async persist(records: CommandLogRecord[]): Promise<Set<string>> {
    try {
      return await this.store.upsert(records);
    } catch (error) {
      if (!isDataError(error)) throw error;
      const finished = new Set<string>();
      for (const record of records) {
        try {
          for (const id of await this.store.upsert([record])) finished.add(id);
        } catch (rowError) {
          if (!isDataError(rowError)) throw rowError;
          this.logger.error(
            { err: rowError, interactionId: record.interactionId },
            'Dropping a command log the database refuses',
          );
        }
      }
      return finished;
    }
  }
}
