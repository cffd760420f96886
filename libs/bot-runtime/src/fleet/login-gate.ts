/**
 * Caps how many bots of this worker log in at once. Discord paces IDENTIFY per bot
 * (`session_start_limit.max_concurrency` per 5 s, enforced per token by discord.js' identify
 * throttler); this gate keeps a worker that claims many bots from opening every connection,
 * fetching every gateway URL and registering every command set in the same instant.
 */
export class LoginGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays accurate.
      if (next) next();
      else this.active--;
    }
  }
}
