export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `attempt` (1 = the first retry): base·2^(attempt−1), capped, with
 * ±20 % jitter so bots that failed together (Discord briefly away) do not retry in lockstep.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxMs, exponential);
  const jitter = 1 + (random() * 2 - 1) * 0.2;
  return Math.round(Math.min(policy.maxMs, capped * jitter));
}
