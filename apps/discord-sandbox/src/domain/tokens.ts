import { randomBytes } from 'node:crypto';

/**
 * A token shaped like Discord's (`base64(user id).timestamp.hmac`), so code that peeks at the
 * first segment to learn the bot's id works against the sandbox too.
 */
export function mintBotToken(userId: string): string {
  const id = Buffer.from(userId).toString('base64url');
  const stamp = randomBytes(4).toString('base64url').slice(0, 6);
  const secret = randomBytes(27).toString('base64url').slice(0, 38);
  return `${id}.${stamp}.${secret}`;
}

/** Interaction tokens are long and opaque on Discord; only their uniqueness matters here. */
export function mintInteractionToken(interactionId: string): string {
  return `aW50ZXJhY3Rpb246${interactionId}:${randomBytes(48).toString('base64url')}`;
}
