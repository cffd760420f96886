import type { MigrationList } from '@botdeck/core';

/**
 * Every schema migration, in order. Each domain lib exports its own; the API (and the CLI)
 * apply them all.
 */
export const migrations: MigrationList = [];
