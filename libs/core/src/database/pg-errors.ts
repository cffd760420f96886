/**
 * The one place that reads PostgreSQL error codes (SQLSTATE) and node-postgres' connection
 * failures. Errors come either bare (pg, pg-pool: connecting, a dropped socket) or wrapped in
 * TypeORM's QueryFailedError (`driverError`); every predicate accepts both.
 */

interface CodedError {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** The SQLSTATE (or Node's errno code, e.g. ECONNREFUSED) behind `error`, if any. */
export function pgErrorCode(error: unknown): string | undefined {
  for (const candidate of layers(error)) {
    if (typeof candidate.code === 'string') return candidate.code;
  }
  return undefined;
}

/** 23505 unique_violation: a service raises its own conflict error. */
export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === '23505';
}

/** 42P04 duplicate_database: someone else created it first. */
export function isDuplicateDatabase(error: unknown): boolean {
  return pgErrorCode(error) === '42P04';
}

/** Classes 22 (data exception) and 23 (integrity violation): PostgreSQL refuses the values. */
export function isDataError(error: unknown): boolean {
  return /^2[23]/.test(pgErrorCode(error) ?? '');
}

/** 40001 serialization_failure and 40P01 deadlock_detected: the transaction may be retried. */
export function isSerializationFailure(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === '40001' || code === '40P01';
}

/** 57014 query_canceled: statement_timeout (or a cancel) stopped the query. */
export function isQueryTimeout(error: unknown): boolean {
  return pgErrorCode(error) === '57014' || hasMessage(error, CLIENT_TIMEOUT_MESSAGES);
}

// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
const SERVER_GONE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres and pg-pool raise these without a code.
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
];
const CLIENT_TIMEOUT_MESSAGES = [/^Query read timeout/];

/** PostgreSQL is unreachable, shutting down, refusing connections, or the link dropped. */
export function isConnectionFailure(error: unknown): boolean {
  const code = pgErrorCode(error);
  if (code && (SERVER_GONE_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code))) {
    return true;
  }
  return hasMessage(error, CONNECTION_MESSAGES);
}

/** PostgreSQL cannot serve now (gone or too slow): answer 503 and let the client retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isConnectionFailure(error) || isQueryTimeout(error);
}

function hasMessage(error: unknown, patterns: RegExp[]): boolean {
  return layers(error).some(
    (layer) =>
      typeof layer.message === 'string' &&
      patterns.some((pattern) => pattern.test(layer.message as string)),
  );
}

/** The error, its driverError and its cause chain (bounded, in case of a cycle). */
function layers(error: unknown): CodedError[] {
  const found: CodedError[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 5) {
    const current = queue.shift();
    if (!current || typeof current !== 'object') continue;
    const layer = current as CodedError;
    found.push(layer);
    queue.push(layer.driverError, layer.cause);
  }
  return found;
}
