import { AsyncLocalStorage } from 'node:async_hooks';

const barriers = new AsyncLocalStorage<Promise<unknown>[]>();

/**
 * Work started by an after-commit hook that must finish before the unit of work reports
 * success: a cache invalidation, so that a reply (a 2xx) is never followed by a read, on any
 * instance, that still sees the data from before. Outside such a hook it is a no-op.
 */
export function holdCommitReply(work: Promise<unknown>): void {
  barriers.getStore()?.push(work);
}

/** Runs `hooks` and waits for whatever they held with `holdCommitReply` (never rejects). */
export async function runHoldingReply(hooks: () => void): Promise<void> {
  const held: Promise<unknown>[] = [];
  barriers.run(held, hooks);
  if (held.length > 0) await Promise.allSettled(held);
}
