import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MigrationList, postgresOptions } from './data-source-options';
import { isDuplicateDatabase } from './pg-errors';

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  return name;
}

/** Runs `work` on a connection to the same server's `postgres` maintenance database. */
async function withServerClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database named in `url` when it does not exist yet. Returns true if it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withServerClient(url, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoted(name)}`);
      return true;
    } catch (error) {
      // Another process created it between our check and our CREATE.
      if (isDuplicateDatabase(error)) return false;
      throw error;
    }
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withServerClient(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`),
  );
}

/** Applies every pending migration; returns the names of those it ran. */
export async function runMigrations(url: string, migrations: MigrationList): Promise<string[]> {
  const dataSource = new DataSource(postgresOptions({ url, migrations, poolSize: 1 }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
