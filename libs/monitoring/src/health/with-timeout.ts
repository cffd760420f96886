import { ServiceUnavailableError } from '@botdeck/core';
import { MONITORING_ERRORS } from '../monitoring.errors';

/**
 * Settles with `work`, or rejects once `ms` have passed. The work itself is not cancelled (a
 * PING queued by a reconnecting client stays queued); its late rejection is swallowed.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ServiceUnavailableError(
            MONITORING_ERRORS.DEPENDENCY_TIMEOUT,
            `${what} did not answer within ${ms} ms`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
