import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

/** What to do after a send failed. */
export type SendFailure =
  | { kind: 'permanent'; code: string; message: string; httpStatus: number }
  | { kind: 'transient'; reason: string };

/**
 * Sorts a failed send: Discord refusing the message (4xx with a JSON code: 10003 unknown
 * channel, 50001 missing access, 50013 missing permissions, 50035 invalid form body, …) is
 * permanent for that target; 5xx, a 429 the client gave up on, timeouts and network errors are
 * worth another attempt — safely, since every attempt carries the same nonce.
 */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof DiscordAPIError) {
    if (error.status >= 500 || error.status === 429) {
      return { kind: 'transient', reason: `Discord answered ${error.status}: ${error.message}` };
    }
    return {
      kind: 'permanent',
      code: String(error.code),
      message: error.message,
      httpStatus: error.status,
    };
  }
  if (error instanceof HTTPError) {
    return { kind: 'transient', reason: `Discord answered ${error.status}` };
  }
  if (error instanceof RateLimitError) {
    return { kind: 'transient', reason: `rate limited for ${error.retryAfter} ms` };
  }
  return { kind: 'transient', reason: error instanceof Error ? error.message : String(error) };
}
