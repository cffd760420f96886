import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { monitoringConfig } from '../monitoring.config';
import { WorkerHeartbeatService } from './worker-heartbeat.service';
import { WorkerRegistry } from './worker-registry';

/** For worker processes only: keeps the process listed among live workers. Needs REDIS. */
@Module({
  imports: [ConfigModule.forFeature(monitoringConfig)],
  providers: [WorkerRegistry, WorkerHeartbeatService],
  exports: [WorkerHeartbeatService],
})
export class WorkerHeartbeatModule {}
