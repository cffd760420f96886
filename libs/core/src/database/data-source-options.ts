import type { DataSourceOptions, MixedList } from 'typeorm';

export type MigrationList = MixedList<string | (new () => unknown)>;

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
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
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  };
}
