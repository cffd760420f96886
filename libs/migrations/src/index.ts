import { auditMigrations } from '@botdeck/audit';
import { authMigrations } from '@botdeck/auth';
import { botConfigMigrations } from '@botdeck/bot-config';
import { botRuntimeMigrations } from '@botdeck/bot-runtime';
import { bulkOperationsMigrations } from '@botdeck/bulk-operations';
import { catalogMigrations } from '@botdeck/catalog';
import { commandsMigrations } from '@botdeck/commands';
import type { MigrationList } from '@botdeck/core';
import { messagingMigrations } from '@botdeck/messaging';
import { stockDisplayMigrations } from '@botdeck/stock-display';

/**
 * Every schema migration, in order. Each domain lib exports its own; the API, the CLI, the
 * local start script and the tests apply them all from here, so no app reaches into another
 * app's files for them. TypeORM orders them by the timestamp in their names.
 */
export const migrations: MigrationList = [
  ...authMigrations,
  ...auditMigrations,
  ...botConfigMigrations,
  ...commandsMigrations,
  ...bulkOperationsMigrations,
  ...botRuntimeMigrations,
  ...catalogMigrations,
  ...stockDisplayMigrations,
  ...messagingMigrations,
];
