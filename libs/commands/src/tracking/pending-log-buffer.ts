import type { CommandLogRecord } from './command-log-record';

/** A record waiting in memory, serialised once. */
export interface PendingLog {
  readonly interactionId: string;
  readonly status: CommandLogRecord['status'];
  readonly json: string;
}

export type BufferOutcome = 'buffered' | 'merged' | 'dropped';

/**
 * The bounded in-memory holding area for log records the stream could not take. One entry per
 * interaction, in the order interactions first arrived: an ending replaces its start in place
 * (both carry the whole record, and the database keeps the ending anyway), so the bound counts
 * interactions, not events, and an interaction already held never loses its ending.
 *
 * Past the bound the oldest entries are kept and a new interaction is refused: those are the
 * records that have waited longest, and their users were answered first.
 */
export class PendingLogBuffer {
  private readonly entries = new Map<string, PendingLog>();

  constructor(readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  add(record: CommandLogRecord): BufferOutcome {
    const existing = this.entries.get(record.interactionId);
    const pending: PendingLog = {
      interactionId: record.interactionId,
      status: record.status,
      json: JSON.stringify(record),
    };
    if (existing) {
      // An ending beats a start; between two endings the first one wins, as in the database.
      if (existing.status === 'started' && record.status !== 'started') {
        this.entries.set(record.interactionId, pending);
      }
      return 'merged';
    }
    if (this.entries.size >= this.max) return 'dropped';
    this.entries.set(record.interactionId, pending);
    return 'buffered';
  }

  /** The oldest `count` entries, left in place until `release` says they reached the stream. */
  peek(count: number): PendingLog[] {
    const out: PendingLog[] = [];
    for (const entry of this.entries.values()) {
      if (out.length >= count) break;
      out.push(entry);
    }
    return out;
  }

  /**
   * Forgets entries that reached the stream, unless a newer record (an ending that arrived
   * while its start was being sent) has taken their place: that one still has to go.
   */
  release(sent: readonly PendingLog[]): number {
    let released = 0;
    for (const entry of sent) {
      if (this.entries.get(entry.interactionId) === entry) {
        this.entries.delete(entry.interactionId);
        released += 1;
      }
    }
    return released;
  }
}
