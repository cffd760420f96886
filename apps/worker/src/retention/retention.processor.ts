import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { retentionConfig, type RetentionConfig } from './retention.config';
import { RetentionRunner, type RetentionRun } from './retention.runner';

export const RETENTION_QUEUE = 'retention';
const SCHEDULER_ID = 'retention';

/**
 * The repeatable retention job. Every worker upserts the same scheduler (idempotent: one
 * schedule whatever the number of workers), and BullMQ gives each run to one of them.
 */
@Processor(RETENTION_QUEUE, { concurrency: 1 })
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
    @Inject(retentionConfig.KEY) private readonly config: RetentionConfig,
    private readonly runner: RetentionRunner,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // An `every` scheduler runs its first job at once, so a fresh deployment gets its partitions
    // before its first day ends.
    await this.queue
      .upsertJobScheduler(
        SCHEDULER_ID,
        { every: this.config.intervalMs },
        { name: 'retention', opts: { removeOnComplete: 100, removeOnFail: 100 } },
      )
      .catch((error: unknown) =>
        // Redis away at start-up: the worker's queues recover with it; the next start retries.
        this.logger.error({ err: error }, 'Could not schedule the retention job'),
      );
  }

  async process(_job: Job): Promise<RetentionRun> {
    return this.runner.run();
  }
}
