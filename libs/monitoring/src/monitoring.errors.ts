import { errorCodes } from '@botdeck/core';

/** A dependency check that did not answer in time (shown as that check's error in health). */
export const MONITORING_ERRORS = errorCodes('DEPENDENCY_TIMEOUT');
