import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadRequestError } from '../errors/app-error';
import { CORE_ERRORS } from '../errors/core.errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=&cursor=` with a list's own page sizes (most lists take `CursorQueryDto`). */
export function CursorQuery(pageSize: { default: number; max: number }) {
  class PageQuery {
    @ApiPropertyOptional({ minimum: 1, maximum: pageSize.max, default: pageSize.default })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(pageSize.max)
    limit?: number;

    @ApiPropertyOptional({ description: 'Opaque cursor from a previous page’s nextCursor' })
    @IsOptional()
    @IsString()
    @MaxLength(200)
    cursor?: string;
  }
  return PageQuery;
}

/** `?limit=&cursor=` on every list endpoint. */
export class CursorQueryDto extends CursorQuery({
  default: DEFAULT_PAGE_SIZE,
  max: MAX_PAGE_SIZE,
}) {}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Swagger needs a concrete class per item type; see `ApiPage`. */
export class PageMeta {
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}

interface KeysetPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString(
    'base64url',
  );
}

/** A forged or damaged `?cursor=`: 400, with the field named like a validation error. */
export class InvalidCursorError extends BadRequestError {
  constructor() {
    super(CORE_ERRORS.INVALID_CURSOR, 'cursor is not valid', [
      { field: 'cursor', messages: ['cursor is not valid'] },
    ]);
  }
}

/** What the ids of a paginated table look like: UUIDs, or Discord snowflakes (command logs). */
export type CursorIdKind = 'uuid' | 'snowflake';

const CURSOR_ID: Record<CursorIdKind, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  snowflake: /^\d{1,20}$/,
};
// Exactly what encodeCursor writes (toISOString), for years PostgreSQL and JS both hold.
const CURSOR_TIME = /^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Reads a cursor back, refusing anything encodeCursor could not have written: a client can
 * send any bytes, and a value PostgreSQL rejects (a year out of range, a NUL, a non-UUID id)
 * must not reach the query.
 */
export function decodeCursor(cursor: string, idKind: CursorIdKind = 'uuid'): KeysetPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw new InvalidCursorError();
  const [createdAt, id] = decoded as unknown[];
  if (typeof createdAt !== 'string' || typeof id !== 'string') throw new InvalidCursorError();
  const date = new Date(createdAt);
  if (
    !CURSOR_TIME.test(createdAt) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString() !== createdAt ||
    !CURSOR_ID[idKind].test(id)
  ) {
    throw new InvalidCursorError();
  }
  return { createdAt: date, id };
}

/**
 * Keyset pagination, newest first, on `(created_at, id)`. Tables paginated this way keep
 * `created_at` at millisecond precision (`timestamptz(3)`) so the cursor round-trips exactly.
 */
export async function paginate<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  query: SelectQueryBuilder<T>,
  page: CursorQueryDto,
  options: { idKind?: CursorIdKind } = {},
): Promise<Page<T>> {
  const alias = query.alias;
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  if (page.cursor) {
    const position = decodeCursor(page.cursor, options.idKind);
    query.andWhere(`(${alias}.createdAt, ${alias}.id) < (:cursorCreatedAt, :cursorId)`, {
      cursorCreatedAt: position.createdAt,
      cursorId: position.id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.createdAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .take(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}
