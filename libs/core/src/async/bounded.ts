/**
 * Settles with `work`, or rejects once `ms` have passed, so a dependency that is away or slow
 * cannot hang its caller. The work itself is not cancelled (a command queued by a reconnecting
 * client stays queued); its late rejection is swallowed, and the timer never keeps the process
 * alive. The timeout error says `what` did not answer, or is whatever `toError` makes of that.
 */
export async function bounded<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  toError: (message: string) => Error = (message) => new Error(message),
): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(toError(`${what} did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
