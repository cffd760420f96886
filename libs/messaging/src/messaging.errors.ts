import { AppError, BadRequestError, errorCodes, ForbiddenError } from '@botdeck/core';

/** Codes the messaging API answers with. */
export const MESSAGING_ERRORS = errorCodes(
  'MESSAGE_EVERYONE_FORBIDDEN',
  'MESSAGE_TARGETS_TOO_MANY',
  'MESSAGE_TARGETS_DUPLICATE',
  'MESSAGE_REJECTED',
);

/**
 * Codes recorded on a failed delivery besides Discord's own (`10003`, `50001`, `50013`,
 * `50035`, …, the JSON error code as text) and BOT_NOT_FOUND / BULK_OPERATION_CANCELLED.
 */
export const DELIVERY_ERRORS = errorCodes(
  'MESSAGE_BOT_NOT_RUNNING',
  'MESSAGE_NO_TEXT_CHANNEL',
  'MESSAGE_SEND_FAILED',
);

export class EveryoneForbiddenError extends ForbiddenError {
  constructor() {
    super(
      'Only admins may ping @everyone or @here (allowedMentions.parse "everyone")',
      MESSAGING_ERRORS.MESSAGE_EVERYONE_FORBIDDEN,
    );
  }
}

export class TooManyTargetsError extends BadRequestError {
  constructor(count: number, max: number) {
    super(
      MESSAGING_ERRORS.MESSAGE_TARGETS_TOO_MANY,
      `The request names ${count} targets; one operation takes at most ${max}`,
      { count, max },
    );
  }
}

export class DuplicateTargetError extends BadRequestError {
  constructor(botId: string, channelId: string) {
    super(
      MESSAGING_ERRORS.MESSAGE_TARGETS_DUPLICATE,
      `The target ${botId} → ${channelId} is listed twice; each target gets the message once`,
      { botId, channelId },
    );
  }
}

/** Discord refused the message (no access, unknown channel, …): its code is in the details. */
export class MessageRejectedError extends AppError {
  constructor(discordCode: number, discordMessage: string, httpStatus: number) {
    super(
      MESSAGING_ERRORS.MESSAGE_REJECTED,
      422,
      `Discord refused the message: ${discordMessage} (${discordCode})`,
      { discordCode, discordMessage, httpStatus },
    );
  }
}
