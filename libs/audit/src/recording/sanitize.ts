/**
 * Makes text safe to store, whatever a client sent. PostgreSQL refuses NUL in `text`
 * ("invalid byte sequence") and both NUL (`\u0000`) and unpaired surrogates (`\ud800`) in
 * `jsonb`; a hostile request carrying either must still leave an entry, and must never make
 * the insert of anyone else's entry fail.
 */

export const TRUNCATED = '[TRUNCATED]';

/** The most characters a string inside a change set keeps; the rest is cut with a marker. */
export const MAX_STRING_LENGTH = 2048;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops NUL characters and replaces unpaired surrogates with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Cuts `text` to `max` characters and says so, e.g. `abc…[TRUNCATED 5000 chars]`. A surrogate
 * pair split by the cut is dropped rather than left lone.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = text.slice(0, max);
  if (/[\ud800-\udbff]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…${TRUNCATED.slice(0, -1)} ${text.length} chars]`;
}
