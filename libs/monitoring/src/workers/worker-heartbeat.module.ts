import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { metricsConfig } from '../metrics.config';
import { ProcessSampler } from '../metrics/process-sampler';
import { PrometheusDefaults } from '../prometheus/prometheus-defaults';
import { WorkerMetricsServer } from '../prometheus/worker-metrics.server';
import { monitoringConfig } from '../monitoring.config';
import { WorkerHeartbeatService } from './worker-heartbeat.service';
import { WorkerRegistry } from './worker-registry';
import {
  WORKER_COMMAND_SOURCE,
  WORKER_FLEET_SOURCE,
  type WorkerCommandSource,
  type WorkerFleetSource,
} from './worker-stats';

export interface WorkerHeartbeatSources {
  /** Modules that provide the sources below. */
  imports?: ModuleMetadata['imports'];
  /** The fleet's figures (bots by status, gateway pings, Discord traffic). */
  fleet?: Type<WorkerFleetSource>;
  /** The count of commands served. */
  commands?: Type<WorkerCommandSource>;
}

/**
 * For worker processes only: keeps the process listed among live workers, with its figures,
 * and serves its Prometheus text on `METRICS_PORT` when set. Needs REDIS. Imported as is, it
 * reports the process alone; `register` adds what the worker's bots and commands do.
 */
@Module({
  imports: [ConfigModule.forFeature(monitoringConfig), ConfigModule.forFeature(metricsConfig)],
  providers: [
    WorkerRegistry,
    ProcessSampler,
    PrometheusDefaults,
    WorkerHeartbeatService,
    WorkerMetricsServer,
  ],
  exports: [WorkerHeartbeatService],
})
export class WorkerHeartbeatModule {
  static register(sources: WorkerHeartbeatSources): DynamicModule {
    return {
      module: WorkerHeartbeatModule,
      imports: sources.imports ?? [],
      providers: [
        ...(sources.fleet ? [{ provide: WORKER_FLEET_SOURCE, useExisting: sources.fleet }] : []),
        ...(sources.commands
          ? [{ provide: WORKER_COMMAND_SOURCE, useExisting: sources.commands }]
          : []),
      ],
    };
  }
}
