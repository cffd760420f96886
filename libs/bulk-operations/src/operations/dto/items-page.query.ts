import { CursorQuery } from '@botdeck/core';

/** A page of a lifecycle operation (at most 500 bots) always fits the default. */
export const DEFAULT_ITEMS_PAGE = 500;
export const MAX_ITEMS_PAGE = 1_000;

/** `?limit=&cursor=` on an operation's results: a message operation has up to 10 000. */
export class ItemsPageQuery extends CursorQuery({
  default: DEFAULT_ITEMS_PAGE,
  max: MAX_ITEMS_PAGE,
}) {}
