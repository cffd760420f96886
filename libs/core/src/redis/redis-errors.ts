/**
 * How ioredis fails a command while Redis is away: the command outlived `commandTimeout`, it
 * was retried `maxRetriesPerRequest` times across reconnects, or the client is closed.
 */
const UNAVAILABLE_MESSAGES = [
  /^Command timed out/,
  /^Reached the max retries per request limit/,
  /^Connection is closed/,
  /^Stream isn't writeable/,
];

/** Redis did not answer in time, as Botdeck's own bound (not ioredis') found. */
export class RedisTimeoutError extends Error {
  override readonly name = 'RedisTimeoutError';
}

/** Redis could not serve the command now; answer 503 and let the client retry. */
export function isRedisUnavailable(error: unknown): boolean {
  if (error instanceof RedisTimeoutError) return true;
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}
