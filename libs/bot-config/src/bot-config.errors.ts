import { AppError, ConflictError, NotFoundError } from '@botdeck/core';

export class BotNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('BOT_NOT_FOUND', `Bot ${id} not found`);
  }
}

export class BotNameTakenError extends ConflictError {
  constructor(name: string) {
    super('BOT_NAME_TAKEN', `A bot named "${name}" already exists`);
  }
}

export class BotVersionConflictError extends ConflictError {
  constructor(current: number, given: number) {
    super(
      'BOT_VERSION_CONFLICT',
      `The bot changed since you read it (version ${given}, now ${current}); reload and retry`,
      { currentVersion: current },
    );
  }
}

export class BotTokenInvalidError extends AppError {
  constructor(reason = 'Discord refused the token') {
    super('BOT_TOKEN_INVALID', 422, reason);
  }
}

export class BotTokenMismatchError extends ConflictError {
  constructor() {
    super(
      'BOT_TOKEN_MISMATCH',
      'The new token belongs to another Discord application; create a new bot for it instead',
    );
  }
}

export class DiscordUnavailableError extends AppError {
  constructor(reason: string) {
    super('DISCORD_UNAVAILABLE', 502, `Discord could not be reached: ${reason}`);
  }
}
