import { databaseConfig, ensureDatabase } from '@botdeck/core';
import type { CliCommand } from '../cli-command';

export const dbCreateCommand: CliCommand = {
  name: 'db:create',
  summary: 'Create the database named in DATABASE_URL if it does not exist',
  usage: '',
  options: {},
  async run(_flags, output) {
    const url = databaseConfig().url;
    const name = new URL(url).pathname.slice(1);
    const created = await ensureDatabase(url);
    output.out(created ? `Created database ${name}` : `Database ${name} already exists`);
  },
};
