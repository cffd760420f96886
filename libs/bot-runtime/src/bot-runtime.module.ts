import { BotConfigModule, botConfigConfig } from '@botdeck/bot-config';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { botRuntimeConfig } from './bot-runtime.config';
import { BotClientFactory } from './fleet/bot-client.factory';
import { BotFleet } from './fleet/bot-fleet.service';
import { DiscordMetrics } from './fleet/discord-metrics';
import { FleetStats } from './fleet/fleet-stats';
import { FleetReconciler } from './fleet/fleet-reconciler.service';
import { FleetRepository } from './fleet/fleet.repository';
import { WorkerIdentity } from './fleet/worker-identity';
import { BotLeaseService } from './leases/bot-lease.service';
import { BotLifecycleModule } from './lifecycle/bot-lifecycle.module';
import { BotPluginModule } from './plugins/bot-plugin.module';
import { BotRuntimeStateModule } from './state/bot-runtime-state.module';
import { BotStatusReporter } from './status/bot-status.reporter';
import { ShardMetrics } from './shards/shard-metrics';
import { ShardPlanner } from './shards/shard-planner.service';

/**
 * The fleet inside a worker process: claims bots through Redis leases, runs each with its own
 * discord.js client and the registered plugins, and reports their status. Worker-only.
 */
@Module({
  imports: [
    ConfigModule.forFeature(botRuntimeConfig),
    ConfigModule.forFeature(botConfigConfig),
    BotConfigModule,
    BotRuntimeStateModule,
    BotLifecycleModule,
    BotPluginModule,
  ],
  providers: [
    WorkerIdentity,
    BotLeaseService,
    BotStatusReporter,
    DiscordMetrics,
    BotClientFactory,
    BotFleet,
    FleetStats,
    FleetRepository,
    FleetReconciler,
    ShardPlanner,
    ShardMetrics,
  ],
  exports: [BotPluginModule, BotLifecycleModule, WorkerIdentity, FleetStats],
})
export class BotRuntimeModule {}
