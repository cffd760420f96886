import { timingSafeEqual, createHash } from 'node:crypto';
import { AppError } from '@botdeck/core';
import { MONITORING_ERRORS } from '../monitoring.errors';

/** Why a scrape is refused, or null when it may proceed. */
export function refuseScrape(
  authorization: string | undefined,
  token: string | undefined,
): AppError | null {
  if (token === undefined) {
    return new AppError(
      MONITORING_ERRORS.METRICS_DISABLED,
      403,
      'Prometheus metrics are disabled: set METRICS_TOKEN to enable them',
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match || !sameSecret(match[1], token)) {
    return new AppError(
      MONITORING_ERRORS.METRICS_TOKEN_INVALID,
      401,
      'A valid metrics bearer token is required',
    );
  }
  return null;
}

/** Compares digests, so neither the length nor the content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
