import { InvalidCursorError } from '@botdeck/core';

/** Where a page of results stopped: the item's position in the request, then its id. */
export interface ItemPosition {
  position: number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeItemCursor(position: ItemPosition): string {
  return Buffer.from(JSON.stringify([position.position, position.id])).toString('base64url');
}

/** Reads a cursor back, refusing anything `encodeItemCursor` could not have written. */
export function decodeItemCursor(cursor: string): ItemPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw new InvalidCursorError();
  const [position, id] = decoded as unknown[];
  if (
    typeof position !== 'number' ||
    !Number.isSafeInteger(position) ||
    position < 0 ||
    position > 2_147_483_647 ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    throw new InvalidCursorError();
  }
  return { position, id };
}
