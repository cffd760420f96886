import { BadRequestError, ConflictError, errorCodes, NotFoundError } from '@botdeck/core';

/** Codes the stock-display routes answer with. */
export const STOCK_DISPLAY_ERRORS = errorCodes(
  'STOCK_DISPLAY_NOT_FOUND',
  'STOCK_DISPLAY_VERSION_CONFLICT',
  'STOCK_DISPLAY_CHANNEL_NOT_IN_GUILD',
);

export class StockDisplayNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(STOCK_DISPLAY_ERRORS.STOCK_DISPLAY_NOT_FOUND, `Stock display ${id} not found`);
  }
}

export class StockDisplayVersionConflictError extends ConflictError {
  constructor(current: number, given: number) {
    super(
      STOCK_DISPLAY_ERRORS.STOCK_DISPLAY_VERSION_CONFLICT,
      `The display changed since you read it (version ${given}, now ${current}); reload and retry`,
      { currentVersion: current },
    );
  }
}

export class ChannelNotInGuildError extends BadRequestError {
  constructor(channelId: string, guildId: string) {
    super(
      STOCK_DISPLAY_ERRORS.STOCK_DISPLAY_CHANNEL_NOT_IN_GUILD,
      `Discord says channel ${channelId} is not in guild ${guildId}`,
      [{ field: 'channelId', messages: [`channel is not in guild ${guildId}`] }],
    );
  }
}
