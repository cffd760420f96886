import type { DataSourceOptions, MixedList } from 'typeorm';

export type MigrationList = MixedList<string | (new () => unknown)>;

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Connecting or waiting for a pooled connection fails after this long (default 2 s). */
  connectTimeoutMs?: number;
  /** Statements are cancelled after this long; unset means no limit (migrations). */
  queryTimeoutMs?: number;
  migrations?: MigrationList;
  entities?: DataSourceOptions['entities'];
}

export function postgresOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    synchronize: false,
    // Failed queries reach the error filter, which logs them without their parameters.
    logging: false,
    extra: poolOptions(options),
  };
}

/**
 * node-postgres pool settings that keep a PostgreSQL outage from hanging requests: a bounded
 * wait for a connection, a server-side statement_timeout, and a client-side query_timeout a
 * little later for a link that drops packets (where the server can never answer).
 */
function poolOptions(options: DatabaseOptions): Record<string, unknown> {
  const extra: Record<string, unknown> = {
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
    // Dead peers are noticed by TCP keepalive rather than by the next query.
    keepAlive: true,
    idleTimeoutMillis: 30_000,
  };
  if (options.queryTimeoutMs !== undefined) {
    extra.statement_timeout = options.queryTimeoutMs;
    extra.query_timeout = options.queryTimeoutMs + 1_000;
  }
  return extra;
}
