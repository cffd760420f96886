import { errorCodes } from '@botdeck/core';

/**
 * A dependency check that did not answer in time (shown as that check's error in health);
 * a Prometheus scrape without the right bearer token, or while no token is configured.
 */
export const MONITORING_ERRORS = errorCodes(
  'DEPENDENCY_TIMEOUT',
  'METRICS_TOKEN_INVALID',
  'METRICS_DISABLED',
);
