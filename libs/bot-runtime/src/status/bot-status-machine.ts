import type { BotStatus } from '@botdeck/bot-config';

/**
 * The lifecycle: `stopped → starting → online ⇄ reconnecting`, any running state may end in
 * `stopped` or `error`, and `error` may be started again. `starting → starting` carries retry
 * progress in its reason; `reconnecting → reconnecting` a further attempt.
 */
const TRANSITIONS: Record<BotStatus, readonly BotStatus[]> = {
  stopped: ['starting'],
  starting: ['starting', 'online', 'stopped', 'error'],
  online: ['reconnecting', 'stopped', 'error'],
  reconnecting: ['reconnecting', 'online', 'stopped', 'error'],
  error: ['starting', 'stopped'],
  // Never a worker's own: the read side's word for a status no live worker vouches for.
  unknown: ['starting', 'stopped'],
};

export function canTransition(from: BotStatus, to: BotStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface StatusChange {
  from: BotStatus;
  to: BotStatus;
  reason: string | null;
}

/** One bot's status inside a worker; refuses moves the lifecycle does not allow. */
export class BotStatusMachine {
  private current: BotStatus = 'stopped';
  private currentReason: string | null = null;

  get status(): BotStatus {
    return this.current;
  }

  get reason(): string | null {
    return this.currentReason;
  }

  /**
   * Moves to `to` and returns the change, or null when the move is not allowed or changes
   * nothing (same status, same reason) — so callers persist and publish only real changes.
   */
  transition(to: BotStatus, reason: string | null): StatusChange | null {
    if (to === this.current && reason === this.currentReason) return null;
    if (to === this.current ? !canTransition(to, to) : !canTransition(this.current, to)) {
      return null;
    }
    const change = { from: this.current, to, reason };
    this.current = to;
    this.currentReason = reason;
    return change;
  }
}
