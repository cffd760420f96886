import { AppError, errorCodes } from '@botdeck/core';
import type { BotStatus } from '@botdeck/bot-config';

/** Codes the bot runtime raises. */
export const BOT_RUNTIME_ERRORS = errorCodes('BOT_STATUS_TIMEOUT');

/** A bot did not reach the awaited status in time; `details` carries where it stood. */
export class BotStatusTimeoutError extends AppError {
  constructor(
    botId: string,
    awaited: readonly BotStatus[],
    current: BotStatus,
    reason: string | null,
  ) {
    super(
      BOT_RUNTIME_ERRORS.BOT_STATUS_TIMEOUT,
      504,
      `Bot ${botId} did not reach ${awaited.join(' or ')} in time (it is ${current})`,
      { status: current, reason },
    );
  }
}
