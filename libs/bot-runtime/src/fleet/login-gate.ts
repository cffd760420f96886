import { setTimeout as sleep } from 'node:timers/promises';

/** Discord lets one bot IDENTIFY `max_concurrency` times per this window (1 per bucket). */
export const IDENTIFY_WINDOW_MS = 5_000;

/**
 * Caps how many bots of this worker log in at once. Discord paces IDENTIFY per bot
 * (`session_start_limit.max_concurrency` per 5 s, enforced per token by discord.js' identify
 * throttler); this gate keeps a worker that claims many bots from opening every connection,
 * fetching every gateway URL and registering every command set in the same instant.
 *
 * discord.js paces only within one client, and a bot gets a new client for each login (a
 * restart, a retry): a login keyed by its bot therefore starts no sooner than
 * `identifyWindowMs` after that bot's previous successful login, or Discord would refuse its
 * IDENTIFY with op 9 and discord.js would try again ~5 s later anyway. Failed logins do not
 * count: most fail before IDENTIFY, and their retries keep their own backoff.
 */
export class LoginGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** Bot id → when its last successful login ended (its IDENTIFY was accepted before). */
  private readonly lastLogin = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly identifyWindowMs = IDENTIFY_WINDOW_MS,
  ) {}

  async run<T>(task: () => Promise<T>, pacing?: { key: string; signal?: AbortSignal }): Promise<T> {
    if (pacing) await this.spaceFromLast(pacing.key, pacing.signal);
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      const result = await task();
      if (pacing) this.lastLogin.set(pacing.key, Date.now());
      return result;
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays accurate.
      if (next) next();
      else this.active--;
    }
  }

  private async spaceFromLast(key: string, signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    for (const [other, at] of this.lastLogin) {
      if (now - at >= this.identifyWindowMs) this.lastLogin.delete(other);
    }
    const last = this.lastLogin.get(key);
    const wait = last === undefined ? 0 : last + this.identifyWindowMs - now;
    // An abort ends the wait; the task itself sees the signal and gives up.
    if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
  }
}
