import { InvalidCursorError } from '@botdeck/core';
import type { LogSort } from '../dto/log-search.dto';

/** Where the previous page ended, in the order of its sort. */
export interface LogSearchPosition {
  /** `coalesce(duration_ms, -1)` of the last row (slowest only). */
  duration?: number;
  createdAt: Date;
  id: string;
}

const TAGS: Record<LogSort, string> = { newest: 'n', oldest: 'o', slowest: 's' };
const TIME = /^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^\d{1,20}$/;

export function encodeLogCursor(sort: LogSort, position: LogSearchPosition): string {
  const key = [position.createdAt.toISOString(), position.id];
  const value =
    sort === 'slowest' ? [TAGS[sort], position.duration ?? -1, ...key] : [TAGS[sort], ...key];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * Reads a cursor back for `sort`, refusing anything `encodeLogCursor` could not have written
 * for it (another sort's cursor included: its position means nothing in this order).
 */
export function decodeLogCursor(cursor: string, sort: LogSort): LogSearchPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(value) || value[0] !== TAGS[sort]) throw new InvalidCursorError();
  const rest = value.slice(1) as unknown[];
  let duration: number | undefined;
  if (sort === 'slowest') {
    const first = rest.shift();
    if (
      typeof first !== 'number' ||
      !Number.isInteger(first) ||
      first < -1 ||
      first > 2 ** 31 - 1
    ) {
      throw new InvalidCursorError();
    }
    duration = first;
  }
  const [createdAt, id] = rest;
  if (rest.length !== 2 || typeof createdAt !== 'string' || typeof id !== 'string') {
    throw new InvalidCursorError();
  }
  const date = new Date(createdAt);
  if (!TIME.test(createdAt) || Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) {
    throw new InvalidCursorError();
  }
  if (!ID.test(id)) throw new InvalidCursorError();
  return { duration, createdAt: date, id };
}
