import { errorCodes } from '@botdeck/core';

/**
 * Codes the realtime gateway answers with, in a `connect_error`'s data, a subscribe ack's
 * `denied` list, a refresh ack or a `session.closing` notice. Authentication refusals use
 * auth's codes (TOKEN_MISSING, TOKEN_EXPIRED, USER_DISABLED, SESSION_REVOKED, ROLE_TOO_LOW…).
 */
export const REALTIME_ERRORS = errorCodes(
  'TOPIC_UNKNOWN',
  'TOPIC_ID_INVALID',
  'TOPIC_LIMIT_REACHED',
  'REALTIME_PAYLOAD_INVALID',
  'REALTIME_CONNECTION_LIMIT',
  'REALTIME_SLOW_CONSUMER',
  'TOKEN_USER_MISMATCH',
);

export type RealtimeErrorCode = (typeof REALTIME_ERRORS)[keyof typeof REALTIME_ERRORS];
