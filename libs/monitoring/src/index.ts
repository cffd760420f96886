export * from './monitoring.module';
export * from './monitoring.config';
export * from './monitoring.errors';
export * from './health/health.dto';
export { HealthService } from './health/health.service';
export { WorkerHeartbeatModule } from './workers/worker-heartbeat.module';
export { WorkerHeartbeatService } from './workers/worker-heartbeat.service';
export { WorkerRegistry, workerKey, WORKER_INDEX_KEY } from './workers/worker-registry';
export type { LiveWorker, WorkerInfo } from './workers/worker-registry';
