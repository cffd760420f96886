import { databaseConfig, ensureDatabase, runMigrations } from '@botdeck/core';
import { migrations } from '@botdeck/migrations';
import type { CliCommand } from '../cli-command';

export const migrationRunCommand: CliCommand = {
  name: 'migration:run',
  summary: 'Create the database if needed and apply every pending migration',
  usage: '',
  options: {},
  async run(_flags, output) {
    const url = databaseConfig().url;
    await ensureDatabase(url);
    const applied = await runMigrations(url, migrations);
    if (applied.length === 0) output.out('No pending migrations');
    for (const name of applied) output.out(`Applied ${name}`);
  },
};
