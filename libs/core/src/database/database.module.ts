import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, DatabaseConfig } from '../config/database.config';
import { MigrationList, postgresOptions } from './data-source-options';
import { UnitOfWork } from './unit-of-work';

export interface DatabaseModuleOptions {
  /** Migrations this process may apply at start (when DATABASE_RUN_MIGRATIONS is true). */
  migrations?: MigrationList;
}

/**
 * The TypeORM connection, and the unit of work every domain writes through. Entities are
 * registered by each domain with `forFeature`.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions = {}): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [UnitOfWork],
      exports: [UnitOfWork],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (config: DatabaseConfig) => ({
            ...postgresOptions({
              url: config.url,
              poolSize: config.poolSize,
              connectTimeoutMs: config.connectTimeoutMs,
              queryTimeoutMs: config.queryTimeoutMs,
              migrations: options.migrations ?? [],
            }),
            autoLoadEntities: true,
            migrationsRun: config.runMigrations && Boolean(options.migrations),
            migrationsTransactionMode: 'each' as const,
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
        }),
      ],
    };
  }
}
