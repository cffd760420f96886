/**
 * An error answered the way Discord answers it: an HTTP status and a JSON body of
 * `{ message, code, errors? }`. discord.js turns exactly this into a DiscordAPIError whose
 * `code` callers switch on, so codes and messages follow Discord's documentation.
 */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: ErrorTree,
  ) {
    super(message);
    this.name = 'DiscordError';
  }

  toBody(): { message: string; code: number; errors?: ErrorTree } {
    return this.errors
      ? { message: this.message, code: this.code, errors: this.errors }
      : { message: this.message, code: this.code };
  }
}

/** Discord's nested error tree: every leaf is `{ _errors: [{ code, message }] }`. */
export interface ErrorTree {
  [key: string]: ErrorTree | FieldError[];
}
export interface FieldError {
  code: string;
  message: string;
}

export const DiscordErrors = {
  unauthorized: () => new DiscordError(401, 0, '401: Unauthorized'),
  notFound: () => new DiscordError(404, 0, '404: Not Found'),
  unknownApplication: () => new DiscordError(404, 10002, 'Unknown Application'),
  unknownChannel: () => new DiscordError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new DiscordError(404, 10004, 'Unknown Guild'),
  unknownMessage: () => new DiscordError(404, 10008, 'Unknown Message'),
  unknownUser: () => new DiscordError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new DiscordError(404, 10015, 'Unknown Webhook'),
  unknownCommand: () => new DiscordError(404, 10063, 'Unknown application command'),
  unknownInteraction: () => new DiscordError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () =>
    new DiscordError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => new DiscordError(403, 50001, 'Missing Access'),
  cannotEditOthers: () =>
    new DiscordError(403, 50005, 'Cannot edit a message authored by another user'),
  missingPermissions: () => new DiscordError(403, 50013, 'Missing Permissions'),
  emptyMessage: () => new DiscordError(400, 50006, 'Cannot send an empty message'),
  invalidWebhookToken: () => new DiscordError(401, 50027, 'Invalid Webhook Token'),
  invalidFormBody: (errors: ErrorTree) => new DiscordError(400, 50035, 'Invalid Form Body', errors),
  invalidJson: () => new DiscordError(400, 50109, 'The request body contains invalid JSON.'),
};
