import { bounded, ServiceUnavailableError } from '@botdeck/core';
import { MONITORING_ERRORS } from '../monitoring.errors';

/** `bounded`, failing as a health check does: a dependency that did not answer in time. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return bounded(
    work,
    ms,
    what,
    (message) => new ServiceUnavailableError(MONITORING_ERRORS.DEPENDENCY_TIMEOUT, message),
  );
}
