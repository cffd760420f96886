import { CoreModule, DatabaseModule, QueueModule } from '@botdeck/core';
import { Module } from '@nestjs/common';

/** The worker process: no HTTP; runs background jobs (and, later, the bots). */
@Module({
  imports: [CoreModule, DatabaseModule.forRoot(), QueueModule],
})
export class WorkerModule {}
