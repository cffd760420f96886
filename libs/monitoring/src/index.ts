export * from './monitoring.module';
export * from './monitoring.config';
export * from './metrics.config';
export * from './monitoring.errors';
export * from './health/health.dto';
export { HealthService } from './health/health.service';
export {
  WorkerHeartbeatModule,
  type WorkerHeartbeatSources,
} from './workers/worker-heartbeat.module';
export { WorkerHeartbeatService } from './workers/worker-heartbeat.service';
export { WorkerRegistry, workerKey, botLiveKey, WORKER_INDEX_KEY } from './workers/worker-registry';
export type { LiveWorker, WorkerInfo, BotLiveFigures } from './workers/worker-registry';
export type {
  WorkerStats,
  WorkerFleetSource,
  WorkerCommandSource,
  WorkerDiscordTotals,
  RunningBotFigures,
} from './workers/worker-stats';
export { MetricsService } from './metrics/metrics.service';
export { SnapshotPublisher } from './metrics/snapshot-publisher';
export { WorkerExpiryWatch } from './workers/worker-expiry.watch';
export { WorkerMetricsServer } from './prometheus/worker-metrics.server';
export type { WorkerChangeEvent } from './monitoring.events';
export type {
  MetricsSnapshot,
  ProcessMetrics,
  WorkerMetrics,
  CommandWindowMetrics,
  QueueMetrics,
} from './metrics/metrics-snapshot';
