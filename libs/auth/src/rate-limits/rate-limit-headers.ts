import type { FastifyReply } from 'fastify';

export interface RateLimitState {
  tier: string;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  windowSeconds: number;
}

/**
 * The IETF draft's headers (draft-ietf-httpapi-ratelimit-headers): the structured
 * `RateLimit-Policy` / `RateLimit` pair of the current drafts, and the separate
 * `RateLimit-Limit` / `-Remaining` / `-Reset` fields of the earlier ones that most clients
 * still read.
 */
export function setRateLimitHeaders(reply: FastifyReply, state: RateLimitState): void {
  const remaining = Math.max(0, state.remaining);
  void reply.header(
    'RateLimit-Policy',
    `"${state.tier}";q=${state.limit};w=${state.windowSeconds}`,
  );
  void reply.header('RateLimit', `"${state.tier}";r=${remaining};t=${state.resetSeconds}`);
  void reply.header('RateLimit-Limit', String(state.limit));
  void reply.header('RateLimit-Remaining', String(remaining));
  void reply.header('RateLimit-Reset', String(state.resetSeconds));
}
