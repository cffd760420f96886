import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig } from './app.config';
import { databaseConfig } from './database.config';
import { redisConfig } from './redis.config';

/**
 * Loads the shared configuration namespaces. Domain libs register their own namespace with
 * `ConfigModule.forFeature(theirConfig)`; every namespace is validated when it loads.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      ignoreEnvFile: true,
      load: [appConfig, databaseConfig, redisConfig],
    }),
  ],
})
export class CoreConfigModule {}
