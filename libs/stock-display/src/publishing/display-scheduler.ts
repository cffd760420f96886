/** Runs one display's sync; `force` edits every message even if unchanged. */
export type SyncRunner = (displayId: string, force: boolean) => Promise<void>;

interface Slot {
  timer: NodeJS.Timeout | null;
  dueAt: number;
  force: boolean;
  running: boolean;
  /** Marked again while running: sync once more when done. */
  again: boolean;
  lastStartedAt: number;
}

/**
 * Folds any number of changes to a display into few syncs: a change is picked up after
 * `coalesceMs` (more changes meanwhile ride along), never sooner than `pacingMs` after the
 * display's previous sync started, and never while one runs (a change during a sync causes
 * exactly one more). With pacing at window ÷ limit, a display spends its channel bucket at
 * most evenly, so a change is visible within one bucket window.
 */
export class DisplayScheduler {
  private readonly slots = new Map<string, Slot>();
  private stopped = false;

  constructor(
    private readonly run: SyncRunner,
    private readonly timing: { coalesceMs: number; pacingMs: number },
  ) {}

  /** Asks for a sync; `now` skips the coalescing wait (not the pacing). */
  mark(displayId: string, options: { force?: boolean; now?: boolean } = {}): void {
    if (this.stopped) return;
    let slot = this.slots.get(displayId);
    if (!slot) {
      slot = {
        timer: null,
        dueAt: 0,
        force: false,
        running: false,
        again: false,
        lastStartedAt: 0,
      };
      this.slots.set(displayId, slot);
    }
    slot.force ||= options.force ?? false;
    if (slot.running) {
      slot.again = true;
      return;
    }
    const now = Date.now();
    const dueAt = Math.max(
      now + (options.now ? 0 : this.timing.coalesceMs),
      slot.lastStartedAt + this.timing.pacingMs,
    );
    if (slot.timer && slot.dueAt <= dueAt) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.dueAt = dueAt;
    slot.timer = setTimeout(() => void this.fire(displayId, slot), dueAt - now);
    slot.timer.unref();
  }

  /** Forgets a display (deleted, or its bot left this worker); a sync in flight finishes. */
  cancel(displayId: string): void {
    const slot = this.slots.get(displayId);
    if (slot?.timer) clearTimeout(slot.timer);
    this.slots.delete(displayId);
  }

  /** Whether a sync is due or running (for shutdown and tests). */
  get busy(): boolean {
    return [...this.slots.values()].some((slot) => slot.timer !== null || slot.running);
  }

  stop(): void {
    this.stopped = true;
    for (const id of [...this.slots.keys()]) this.cancel(id);
  }

  private async fire(displayId: string, slot: Slot): Promise<void> {
    slot.timer = null;
    slot.running = true;
    slot.lastStartedAt = Date.now();
    const force = slot.force;
    slot.force = false;
    try {
      await this.run(displayId, force);
    } finally {
      slot.running = false;
      if (this.slots.get(displayId) === slot && slot.again) {
        slot.again = false;
        this.mark(displayId);
      }
    }
  }
}
