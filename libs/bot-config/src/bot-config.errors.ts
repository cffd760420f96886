import { AppError, ConflictError, errorCodes, NotFoundError } from '@botdeck/core';

/** Codes bot configuration answers with. */
export const BOT_CONFIG_ERRORS = errorCodes(
  'BOT_NOT_FOUND',
  'BOT_NAME_TAKEN',
  'BOT_VERSION_CONFLICT',
  'BOT_TOKEN_INVALID',
  'BOT_TOKEN_MISMATCH',
  'DISCORD_UNAVAILABLE',
  'INTERACTIONS_URL_NOT_CONFIGURED',
  'INTERACTIONS_ENDPOINT_REJECTED',
  'BOT_PUBLIC_KEY_UNKNOWN',
);

export class BotNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(BOT_CONFIG_ERRORS.BOT_NOT_FOUND, `Bot ${id} not found`);
  }
}

export class BotNameTakenError extends ConflictError {
  constructor(name: string) {
    super(BOT_CONFIG_ERRORS.BOT_NAME_TAKEN, `A bot named "${name}" already exists`);
  }
}

export class BotVersionConflictError extends ConflictError {
  constructor(current: number, given: number) {
    super(
      BOT_CONFIG_ERRORS.BOT_VERSION_CONFLICT,
      `The bot changed since you read it (version ${given}, now ${current}); reload and retry`,
      { currentVersion: current },
    );
  }
}

export class BotTokenInvalidError extends AppError {
  constructor(reason = 'Discord refused the token') {
    super(BOT_CONFIG_ERRORS.BOT_TOKEN_INVALID, 422, reason);
  }
}

export class BotTokenMismatchError extends ConflictError {
  constructor() {
    super(
      BOT_CONFIG_ERRORS.BOT_TOKEN_MISMATCH,
      'The new token belongs to another Discord application; create a new bot for it instead',
    );
  }
}

export class DiscordUnavailableError extends AppError {
  constructor(reason: string) {
    super(BOT_CONFIG_ERRORS.DISCORD_UNAVAILABLE, 502, `Discord could not be reached: ${reason}`);
  }
}

export class InteractionsUrlNotConfiguredError extends ConflictError {
  constructor() {
    super(
      BOT_CONFIG_ERRORS.INTERACTIONS_URL_NOT_CONFIGURED,
      'INTERACTIONS_PUBLIC_URL is not set, so Discord has no URL to deliver interactions to',
    );
  }
}

export class InteractionsEndpointRejectedError extends AppError {
  constructor(reason: string, errors?: unknown) {
    super(
      BOT_CONFIG_ERRORS.INTERACTIONS_ENDPOINT_REJECTED,
      422,
      `Discord refused the Interactions Endpoint URL: ${reason}`,
      errors === undefined ? undefined : { discord: errors },
    );
  }
}

export class BotPublicKeyUnknownError extends AppError {
  constructor() {
    super(
      BOT_CONFIG_ERRORS.BOT_PUBLIC_KEY_UNKNOWN,
      422,
      'Discord did not say the application’s public key; send it as publicKey',
    );
  }
}
