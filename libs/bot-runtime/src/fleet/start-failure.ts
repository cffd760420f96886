import { DiscordAPIError } from 'discord.js';

export interface StartFailure {
  /** True when retrying cannot help (bad token, refused intents): go to `error` at once. */
  fatal: boolean;
  reason: string;
}

/** Gateway close codes after which discord.js gives up, and so do we. */
const FATAL_CLOSE_CODES: Record<number, string> = {
  4004: 'the gateway refused the token (4004)',
  4010: 'invalid shard (4010)',
  4011: 'sharding required (4011)',
  4012: 'invalid API version (4012)',
  4013: 'invalid intents (4013)',
  4014: 'disallowed intents (4014): enable them for the application first',
};

/**
 * Tells a login failure worth retrying (network, 5xx, timeouts) from one that is not. An
 * invalid token shows up as discord.js' `TokenInvalid` (401 on GET /gateway/bot), a 401/403
 * from REST, or gateway close 4004 ("Authentication failed").
 */
export function classifyStartFailure(error: unknown, closeCode?: number): StartFailure {
  if (closeCode !== undefined && FATAL_CLOSE_CODES[closeCode]) {
    return { fatal: true, reason: FATAL_CLOSE_CODES[closeCode] };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid') return { fatal: true, reason: 'Discord refused the token' };
  // A configuration discord.js cannot even express (an unknown intent name) never heals.
  if (code === 'BitFieldInvalid') {
    return { fatal: true, reason: error instanceof Error ? error.message : 'invalid intents' };
  }
  if (error instanceof DiscordAPIError && (error.status === 401 || error.status === 403)) {
    return { fatal: true, reason: `Discord refused the token (HTTP ${error.status})` };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'Authentication failed') {
    return { fatal: true, reason: FATAL_CLOSE_CODES[4004] };
  }
  if (/intents/i.test(message) || message === 'Invalid shard' || /sharding/i.test(message)) {
    return { fatal: true, reason: message };
  }
  return { fatal: false, reason: message || 'login failed' };
}
