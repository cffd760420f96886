import { FAIL_FAST_REDIS_OPTIONS, REDIS } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { commandsConfig, type CommandsConfig } from '../commands.config';
import { COMMAND_LOG_STREAM, RECORD_FIELD } from './command-log-queue';
import type { CommandLogRecord } from './command-log-record';
import { CommandLogOutboxStats } from './command-log-outbox.stats';
import { CommandLogStore } from './command-log.store';
import { PendingLogBuffer, type PendingLog } from './pending-log-buffer';

/** How many buffered records one drain round sends in one pipeline. */
const DRAIN_CHUNK = 500;
/** How often a buffer that could not drain tries again. */
const DRAIN_RETRY_MS = 100;
/**
 * How long an ending may wait for the next start record, to share its socket write. Nothing
 * waits on an ending; under load it rides with the next interaction's start.
 */
const ENDING_LINGER_MS = 5;

/**
 * The way every tracked command's records reach the log stream, and what keeps them when Redis
 * cannot take them.
 *
 * Records go to the stream in pipelines (one socket write each), in the order handed over: the
 * command path pays for queueing a record in memory, not for a syscall. A start record leaves
 * from `setImmediate`, so in the same loop iteration it was queued in, before the handler's
 * first await returns and before the loop polls for I/O again — as a direct XADD would have
 * (that, too, only handed bytes to the socket: a process killed in between loses them either
 * way), so a crash mid-command still leaves its start in the stream. An ending, which nothing
 * waits on, lingers up to ENDING_LINGER_MS to share the next start's write.
 *
 * The stream is written on a connection of its own that never queues a command while offline
 * and gives up on an unanswered one after `logEnqueueTimeoutMs`, so a Redis outage shows here
 * at once. From the first failure on, records go to a bounded in-memory buffer (the ones in
 * flight at that moment too), and keep going there until the buffer has drained back into the
 * stream, oldest first, so the stream keeps the order in which interactions arrived. A record
 * whose XADD timed out may have reached Redis after all; sending it again is harmless because
 * the writer's upsert is keyed by the interaction id. The outage is logged when it starts and
 * when it ends, never per record.
 */
@Injectable()
export class CommandLogOutbox
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(CommandLogOutbox.name);
  private readonly buffer: PendingLogBuffer;
  private connection!: Redis;
  private draining = false;
  private drainTimer?: NodeJS.Timeout;
  private closing = false;
  /** Records handed over and not yet sent, in order. */
  private queued: { record: CommandLogRecord; done: () => void }[] = [];
  private flushSoon?: NodeJS.Immediate;
  private flushLater?: NodeJS.Timeout;
  /** Pipelines on their way (several may be: none waits for the one before). */
  private readonly flushing = new Set<Promise<void>>();
  /** The outage in progress, for its one closing log line. */
  private outage?: { startedAt: number; dropped: number; drained: number };

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(commandsConfig.KEY) private readonly config: CommandsConfig,
    private readonly store: CommandLogStore,
    readonly stats: CommandLogOutboxStats,
  ) {
    this.buffer = new PendingLogBuffer(config.logBufferMax);
  }

  onModuleInit(): void {
    this.connection = this.redis.duplicate({
      connectionName: 'botdeck-command-log',
      ...FAIL_FAST_REDIS_OPTIONS,
      commandTimeout: this.config.logEnqueueTimeoutMs,
    });
    // Connection errors are the outage itself, reported once through the buffer's state.
    this.connection.on('error', () => undefined);
  }

  async onApplicationBootstrap(): Promise<void> {
    // Records of the first commands would otherwise be buffered only because the connection
    // was still being made.
    const deadline = Date.now() + 5_000;
    while (this.connection.status !== 'ready' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Whether records are being held in memory instead of going to the stream. */
  get buffering(): boolean {
    return this.buffer.size > 0 || this.draining;
  }

  /**
   * Hands a record over. Resolves once it is in the stream or in the buffer, never rejects;
   * callers on the command path do not wait for it.
   */
  async send(record: CommandLogRecord): Promise<void> {
    if (this.closing) return this.writeLate(record);
    if (this.buffering) {
      this.hold(record);
      return;
    }
    return new Promise<void>((done) => {
      this.queued.push({ record, done });
      if (record.status === 'started') this.flushInThisIteration();
      else this.flushLater ??= setTimeout(() => this.flushNow(), ENDING_LINGER_MS);
    });
  }

  private flushInThisIteration(): void {
    this.flushSoon ??= setImmediate(() => this.flushNow());
  }

  private flushNow(): void {
    clearImmediate(this.flushSoon);
    clearTimeout(this.flushLater);
    this.flushSoon = this.flushLater = undefined;
    if (this.queued.length === 0) return;
    const flush = this.flushQueued();
    this.flushing.add(flush);
    void flush.finally(() => this.flushing.delete(flush));
  }

  /**
   * Sends the queued records in one pipeline, in order. From the first one Redis did not take,
   * they are held (the buffer keeps their order), like records that arrive during an outage.
   */
  private async flushQueued(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    const entries: PendingLog[] = batch.map(({ record }) => ({
      interactionId: record.interactionId,
      status: record.status,
      json: JSON.stringify(record),
    }));
    const { sent, error } = this.buffering ? { sent: [] } : await this.sendChunk(entries);
    for (const { record } of batch.slice(sent.length)) this.hold(record, error);
    for (const { done } of batch) done();
  }

  /** A record that ends after the shutdown flush (a command still running) goes to PostgreSQL. */
  private async writeLate(record: CommandLogRecord): Promise<void> {
    try {
      await this.store.upsert([record]);
      this.stats.flushedToDatabase += 1;
    } catch (error) {
      this.stats.dropped += 1;
      this.logger.error(
        { err: error, interactionId: record.interactionId },
        'Command log arrived during shutdown and could not be written; it is lost',
      );
    }
  }

  private hold(record: CommandLogRecord, cause?: unknown): void {
    if (!this.outage) {
      this.stats.outages += 1;
      this.outage = { startedAt: Date.now(), dropped: 0, drained: 0 };
      this.logger.warn(
        { err: cause, bufferMax: this.buffer.max },
        'Command log stream unwritable; holding command logs in memory until Redis is back',
      );
    }
    const outcome = this.buffer.add(record);
    if (outcome === 'buffered') this.stats.buffered += 1;
    if (outcome === 'dropped') {
      this.stats.dropped += 1;
      if (this.outage.dropped++ === 0) {
        this.logger.error(
          { bufferMax: this.buffer.max },
          'Command log buffer full; logs of new interactions are dropped until Redis is back',
        );
      }
    }
    this.stats.pending = this.buffer.size;
    this.scheduleDrain(0);
  }

  private scheduleDrain(delayMs: number): void {
    if (this.drainTimer || this.draining || this.closing) return;
    this.drainTimer = setTimeout(() => {
      this.drainTimer = undefined;
      void this.drain();
    }, delayMs);
    this.drainTimer.unref?.();
  }

  /** Sends the buffer to the stream, oldest first, until it is empty or Redis fails again. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.buffer.size > 0 && !this.closing) {
        if (this.connection.status !== 'ready') break;
        const chunk = this.buffer.peek(DRAIN_CHUNK);
        const { sent } = await this.sendChunk(chunk);
        const released = this.buffer.release(sent);
        this.stats.drained += released;
        if (this.outage) this.outage.drained += released;
        this.stats.pending = this.buffer.size;
        if (sent.length < chunk.length) break;
      }
    } finally {
      this.draining = false;
    }
    if (this.buffer.size > 0) {
      this.scheduleDrain(DRAIN_RETRY_MS);
    } else if (this.outage) {
      const { startedAt, drained, dropped } = this.outage;
      this.outage = undefined;
      this.logger.log(
        { drained, dropped, outageMs: Date.now() - startedAt },
        'Command log stream writable again; held command logs drained',
      );
    }
  }

  /**
   * The prefix of `chunk` that Redis took, in order (a gap would break the order), and why the
   * rest was not taken.
   */
  private async sendChunk(
    chunk: readonly PendingLog[],
  ): Promise<{ sent: readonly PendingLog[]; error?: unknown }> {
    const pipeline = this.connection.pipeline();
    for (const entry of chunk) pipeline.xadd(COMMAND_LOG_STREAM, '*', RECORD_FIELD, entry.json);
    try {
      const results = (await pipeline.exec()) ?? [];
      const firstFailure = results.findIndex(([error]) => error);
      const taken = firstFailure < 0 ? results.length : firstFailure;
      return { sent: chunk.slice(0, taken), error: results[taken]?.[0] };
    } catch (error) {
      return { sent: [], error };
    }
  }

  /**
   * At shutdown, one last drain; what Redis still cannot take goes straight to PostgreSQL,
   * so a worker stopped during an outage loses nothing it was holding.
   */
  async beforeApplicationShutdown(): Promise<void> {
    // Records handed over just before: their pipeline goes out (or they are held) first.
    this.flushNow();
    await Promise.all(this.flushing);
    clearTimeout(this.drainTimer);
    this.drainTimer = undefined;
    while (this.draining) await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.buffer.size > 0) await this.drain();
    this.closing = true;
    while (this.buffer.size > 0) {
      const chunk = this.buffer.peek(DRAIN_CHUNK);
      try {
        await this.store.upsert(chunk.map((entry) => JSON.parse(entry.json) as CommandLogRecord));
      } catch (error) {
        this.stats.dropped += this.buffer.size;
        this.logger.error(
          { err: error, lost: this.buffer.size },
          'Neither Redis nor PostgreSQL took the held command logs at shutdown; they are lost',
        );
        break;
      }
      this.stats.flushedToDatabase += this.buffer.release(chunk);
    }
    this.stats.pending = this.buffer.size;
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
