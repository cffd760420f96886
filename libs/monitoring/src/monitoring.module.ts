import { BotLifecycleModule } from '@botdeck/bot-runtime';
import { BulkItemTotalsModule } from '@botdeck/bulk-operations';
import { CommandActivityModule } from '@botdeck/commands';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { BotMetricsService } from './metrics/bot-metrics.service';
import { BotMetricsController, MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { ProcessSampler } from './metrics/process-sampler';
import { QueueFigures } from './metrics/queue-figures';
import { SnapshotPublisher } from './metrics/snapshot-publisher';
import { metricsConfig } from './metrics.config';
import { monitoringConfig } from './monitoring.config';
import { FleetGauges } from './prometheus/fleet-gauges';
import { PrometheusController } from './prometheus/prometheus.controller';
import { PrometheusDefaults } from './prometheus/prometheus-defaults';
import { WorkerExpiryWatch } from './workers/worker-expiry.watch';
import { WorkerRegistry } from './workers/worker-registry';

/**
 * The API side of monitoring: health, the JSON metrics, Prometheus `/metrics`, the periodic
 * `monitoring.snapshot` and the `monitoring.worker` left events of workers that died. It never
 * registers a heartbeat.
 */
@Module({
  imports: [
    ConfigModule.forFeature(monitoringConfig),
    ConfigModule.forFeature(metricsConfig),
    DiscoveryModule,
    BotLifecycleModule,
    CommandActivityModule,
    BulkItemTotalsModule,
  ],
  controllers: [HealthController, MetricsController, BotMetricsController, PrometheusController],
  providers: [
    WorkerRegistry,
    HealthService,
    ProcessSampler,
    PrometheusDefaults,
    FleetGauges,
    QueueFigures,
    MetricsService,
    BotMetricsService,
    SnapshotPublisher,
    WorkerExpiryWatch,
  ],
  exports: [MetricsService],
})
export class MonitoringModule {}
