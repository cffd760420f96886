import { bounded } from './bounded';

interface Waiter<I, O> {
  item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

/**
 * Calls to a dependency that share round trips: while one batch is out, the calls that come
 * in wait and then go together as the next. A call joins the next batch to be sent, never one
 * already out, so what it reads was read after it asked (a read after a write still sees the
 * write); a call in a quiet moment goes at once. Under load that is one round trip for many
 * calls instead of one each, which is most of what a request spends on Redis.
 *
 * `send` answers each item in order. A batch out for longer than `timeoutMs` fails its calls
 * (with `toError`'s error, as `bounded`), and the next one goes, so a dependency that hangs
 * cannot pile calls up behind it.
 */
export class SharedRoundTrips<I, O> {
  private waiting: Waiter<I, O>[] = [];
  private out = false;

  constructor(
    private readonly send: (items: I[]) => Promise<O[]>,
    private readonly timeoutMs: number,
    private readonly what: string,
    private readonly toError?: (message: string) => Error,
  ) {}

  call(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.out) this.sendWaiting();
    });
  }

  private sendWaiting(): void {
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    this.out = true;
    // An async `send` cannot throw synchronously; its failure is a rejection.
    const sent = Promise.resolve().then(() => this.send(batch.map((waiter) => waiter.item)));
    bounded(sent, this.timeoutMs, this.what, this.toError)
      .then(
        (results) => batch.forEach((waiter, index) => waiter.resolve(results[index])),
        (error: unknown) => batch.forEach((waiter) => waiter.reject(error)),
      )
      .finally(() => {
        this.out = false;
        this.sendWaiting();
      });
  }
}
