export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface EventuallyOptions {
  /** Give up after this long (default 10 s: room for a loaded 2-core machine). */
  timeoutMs?: number;
  /** Pause between attempts (default 50 ms). */
  intervalMs?: number;
}

/**
 * Runs `attempt` until it returns without throwing and returns its value; after `timeoutMs`
 * it fails with `what` and the last error. A bounded wait for something that happens
 * asynchronously (a status, a row, an event), not a retry of a flaky assertion: the awaited
 * state must become true and stay reachable.
 */
export async function eventually<T>(
  what: string,
  attempt: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 50 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) {
        const last = error instanceof Error ? error.message : String(error);
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}: ${last}`);
      }
    }
    await sleep(intervalMs);
  }
}

/**
 * Reads until `accept` holds for the value and returns that value, for the assertions that
 * follow; after `timeoutMs` it fails showing the last value read. `eventually` for a state
 * that is a value to wait for rather than an assertion to pass.
 */
export function until<T>(
  what: string,
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  options: EventuallyOptions = {},
): Promise<T> {
  return eventually(
    what,
    async () => {
      const value = await read();
      if (!accept(value)) throw new Error(`last read ${preview(value)}`);
      return value;
    },
    options,
  );
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 1_000 ? `${text.slice(0, 1_000)}…` : text;
}
