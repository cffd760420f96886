import { errorCodes } from '@botdeck/core';

/**
 * Codes a command log records as its `errorCode` (besides `DISCORD_<code>` for a Discord API
 * error and the code of any Botdeck error a handler throws).
 */
export const COMMAND_ERRORS = errorCodes(
  'COMMAND_FAILED',
  'COMMAND_TIMED_OUT',
  'COMMAND_RATE_LIMITED',
  'UNKNOWN_COMMAND',
);
