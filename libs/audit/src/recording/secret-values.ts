/**
 * Recognises secrets by their shape, so a token is redacted whatever field it was sent in
 * (`{"auth": "<bot token>"}` on a request that failed validation, a header echoed in a body).
 * Each pattern is bounded by characters that cannot continue the token, so it matches the
 * whole token and nothing around it.
 */

const B64URL = 'A-Za-z0-9_\\-';

/**
 * A Discord bot token: `base64url(user id).base64url(timestamp).hmac`, unpadded. A user id is
 * a 17–20 digit snowflake, so the first part is 23–27 characters; the timestamp part is 6;
 * the HMAC 27 (older tokens) to 38 characters. The first part must decode to a snowflake,
 * which keeps ordinary dotted identifiers out.
 */
const DISCORD_TOKEN = new RegExp(
  `(?<![${B64URL}.])([${B64URL}]{23,28})\\.[${B64URL}]{6,7}\\.[${B64URL}]{27,40}(?![${B64URL}.])`,
  'g',
);
const SNOWFLAKE = /^\d{17,20}$/;

/** A JWT (JWS compact form): a JSON header (`{"` encodes as `eyJ`), a payload, a signature. */
const JWT = new RegExp(`(?<![${B64URL}])eyJ[${B64URL}]*\\.[${B64URL}]+\\.[${B64URL}]*`, 'g');

/** An HTTP bearer credential, whatever the token looks like. */
const BEARER = /\bBearer\s+\S+/gi;

/**
 * A Botdeck refresh token: 32 random bytes as unpadded base64url, exactly 43 characters
 * (`generateRefreshToken` in @botdeck/auth).
 */
const REFRESH_TOKEN = new RegExp(`(?<![${B64URL}])[${B64URL}]{43}(?![${B64URL}])`, 'g');

function encodesSnowflake(part: string): boolean {
  return SNOWFLAKE.test(Buffer.from(part, 'base64url').toString('latin1'));
}

/** `text` with every secret-shaped part replaced by `marker`. */
export function redactSecretValues(text: string, marker: string): string {
  // Cheap exit for the common case: the shortest candidate is `Bearer x`.
  if (text.length < 8) return text;
  return text
    .replace(BEARER, `Bearer ${marker}`)
    .replace(JWT, marker)
    .replace(DISCORD_TOKEN, (match, first: string) => (encodesSnowflake(first) ? marker : match))
    .replace(REFRESH_TOKEN, marker);
}
