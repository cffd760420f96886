import { errorCodes } from '@botdeck/core';

/** Codes auth answers with: sign-in, tokens, sessions, roles and user management. */
export const AUTH_ERRORS = errorCodes(
  'TOKEN_MISSING',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'SESSION_REVOKED',
  'USER_DISABLED',
  'USER_NOT_FOUND',
  'INVALID_CREDENTIALS',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_EXPIRED',
  'REFRESH_TOKEN_REUSED',
  'ROLE_TOO_LOW',
  'ROUTE_ACCESS_UNDECLARED',
  'EMAIL_TAKEN',
  'LAST_ADMIN',
);
