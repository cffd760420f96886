import { BotConfigModule, botConfigConfig, BotEntity } from '@botdeck/bot-config';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { botRuntimeConfig } from './bot-runtime.config';
import { BotClientFactory } from './fleet/bot-client.factory';
import { BotFleet } from './fleet/bot-fleet.service';
import { FleetReconciler } from './fleet/fleet-reconciler.service';
import { FleetRepository } from './fleet/fleet.repository';
import { WorkerIdentity } from './fleet/worker-identity';
import { BotLeaseService } from './leases/bot-lease.service';
import { BotLifecycleService } from './lifecycle/bot-lifecycle.service';
import { BotPluginModule } from './plugins/bot-plugin.module';
import { BotStatusReporter } from './status/bot-status.reporter';

/**
 * The fleet inside a worker process: claims bots through Redis leases, runs each with its own
 * discord.js client and the registered plugins, and reports their status. Worker-only.
 */
@Module({
  imports: [
    ConfigModule.forFeature(botRuntimeConfig),
    ConfigModule.forFeature(botConfigConfig),
    TypeOrmModule.forFeature([BotEntity]),
    BotConfigModule,
    BotPluginModule,
  ],
  providers: [
    WorkerIdentity,
    BotLeaseService,
    BotStatusReporter,
    BotClientFactory,
    BotFleet,
    FleetRepository,
    FleetReconciler,
    BotLifecycleService,
  ],
  exports: [BotPluginModule, BotLifecycleService, WorkerIdentity],
})
export class BotRuntimeModule {}
