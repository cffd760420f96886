import { Injectable } from '@nestjs/common';

export interface CommandLogOutboxSnapshot {
  /** Records taken into the in-memory buffer because the stream could not take them. */
  buffered: number;
  /** Buffered records that later reached the stream. */
  drained: number;
  /** Buffered records written straight to PostgreSQL at shutdown (Redis still away). */
  flushedToDatabase: number;
  /** Records refused because the buffer was full: these logs are lost. */
  dropped: number;
  /** Interactions held in the buffer right now. */
  pending: number;
  /** Times the stream became unwritable. */
  outages: number;
}

/**
 * Counters of the command-log outbox, for monitoring to read (one instance per worker
 * process). Monotonic except `pending`, which is a gauge.
 */
@Injectable()
export class CommandLogOutboxStats {
  buffered = 0;
  drained = 0;
  flushedToDatabase = 0;
  dropped = 0;
  pending = 0;
  outages = 0;

  snapshot(): CommandLogOutboxSnapshot {
    return {
      buffered: this.buffered,
      drained: this.drained,
      flushedToDatabase: this.flushedToDatabase,
      dropped: this.dropped,
      pending: this.pending,
      outages: this.outages,
    };
  }
}
