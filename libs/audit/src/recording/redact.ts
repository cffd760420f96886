import type { ChangeSet } from '../entries/audit-entry.entity';
import { MAX_STRING_LENGTH, TRUNCATED, truncate, wellFormed } from './sanitize';
import { redactSecretValues } from './secret-values';

/** Field names whose values never reach the audit trail, matched anywhere in the name. */
const SECRET_NAME = /password|token|secret|authorization|cookie|api[-_]?key/i;

export const REDACTED = '[REDACTED]';

/** A change set larger than this (serialised) is replaced by a marker rather than stored. */
export const MAX_CHANGE_SET_BYTES = 64 * 1024;

/** Nesting deeper than this is cut and marked: no real change set needs it. */
export const MAX_DEPTH = 20;

const MAX_KEY_LENGTH = 200;

/**
 * Text as the audit trail stores it: well-formed (no NUL, no lone surrogate), with every
 * secret-shaped value (bot token, JWT, bearer credential, refresh token) redacted, and cut to
 * `max` characters with a marker.
 */
export function safeText(text: string, max = MAX_STRING_LENGTH): string {
  return truncate(redactSecretValues(wellFormed(text), REDACTED), max);
}

/**
 * Returns a JSON-safe copy of `value` that PostgreSQL's `jsonb` accepts whatever the input:
 * every field whose name looks secret reads `[REDACTED]` at any depth (objects inside arrays
 * included), every string, keys too, goes through `safeText`, and nesting past `MAX_DEPTH`
 * is cut with a marker.
 */
export function redact(value: unknown): unknown {
  return copy(value, 0, new WeakSet<object>());
}

function copy(value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return safeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return TRUNCATED;
  if (ancestors.has(value)) return '[CIRCULAR]';
  if (Buffer.isBuffer(value)) return '[BINARY]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1, ancestors));
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      return copy((value as { toJSON: () => unknown }).toJSON(), depth + 1, ancestors);
    }
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
      if (field === undefined || typeof field === 'function') continue;
      result[safeText(key, MAX_KEY_LENGTH)] = SECRET_NAME.test(key)
        ? REDACTED
        : copy(field, depth + 1, ancestors);
    }
    return result;
  } finally {
    ancestors.delete(value);
  }
}

/** `redact`, then bounded in size so one huge body cannot bloat the table or a batch. */
export function toChangeSet(value: unknown): ChangeSet {
  if (value === undefined || value === null) return null;
  const redacted = redact(value) as ChangeSet;
  const bytes = Buffer.byteLength(JSON.stringify(redacted) ?? '', 'utf8');
  return bytes > MAX_CHANGE_SET_BYTES ? { truncated: true, bytes } : redacted;
}
