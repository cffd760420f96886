import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { monitoringConfig } from './monitoring.config';
import { WorkerRegistry } from './workers/worker-registry';

/** The API side of monitoring: `GET /monitoring/health`. It never registers a heartbeat. */
@Module({
  imports: [ConfigModule.forFeature(monitoringConfig)],
  controllers: [HealthController],
  providers: [WorkerRegistry, HealthService],
})
export class MonitoringModule {}
