import { EventBus } from '@botdeck/core';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { bulkOperationsConfig, type BulkOperationsConfig } from '../bulk-operations.config';
import {
  BulkOperationsRepository,
  type ItemResult,
} from '../operations/bulk-operations.repository';
import { BULK_ITEM_ERRORS } from '../bulk-operations.errors';
import { BulkItemRunner } from './bulk-item.runner';
import { BULK_LIFECYCLE_QUEUE, type BulkLifecycleJob } from './bulk-lifecycle.job';

/**
 * Runs one bot's part of a bulk operation per job and records how it went. A job whose item
 * has already finished (a retry, a replayed request) does nothing.
 */
// Not started by the decorator: the concurrency comes from configuration first.
@Processor(BULK_LIFECYCLE_QUEUE, { autorun: false })
export class BulkLifecycleProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(BulkLifecycleProcessor.name);

  constructor(
    private readonly operations: BulkOperationsRepository,
    private readonly runner: BulkItemRunner,
    private readonly events: EventBus,
    @Inject(bulkOperationsConfig.KEY) private readonly config: BulkOperationsConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.concurrency;
    // run() settles only when the worker closes (on shutdown, by the BullMQ module).
    this.worker.run().catch((error: unknown) => {
      this.logger.error({ err: error }, 'The bulk lifecycle worker stopped');
    });
  }

  async process(job: Job<BulkLifecycleJob>): Promise<string> {
    const { operationId, botId, kind } = job.data;
    const status = await this.operations.itemStatus(operationId, botId);
    // The creating transaction has not committed yet: BullMQ retries the job with a backoff.
    if (status === 'missing') throw new Error(`Bulk item ${operationId}/${botId} not found`);
    if (status !== 'pending') return 'already finished';
    await this.operations.markRunning(operationId);
    const result = await this.runner.run(kind, botId);
    await this.finish(job.data, result);
    return result.status;
  }

  /** A job out of retries still ends its item, so the operation can complete. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<BulkLifecycleJob> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    try {
      await this.finish(job.data, {
        status: 'failed',
        errorCode: BULK_ITEM_ERRORS.BULK_ITEM_FAILED,
        errorMessage: error.message,
      });
    } catch (cause) {
      this.logger.error({ err: cause, jobId: job.id }, 'Could not record a failed bulk item');
    }
  }

  private async finish(job: BulkLifecycleJob, result: ItemResult): Promise<void> {
    const recorded = await this.operations.recordResult(job.operationId, job.botId, result);
    if (!recorded) return;
    await this.events
      .publish('operation.progress', {
        operationId: job.operationId,
        kind: recorded.kind,
        status: recorded.status,
        totals: recorded.totals,
        item: { botId: job.botId, status: result.status, errorCode: result.errorCode ?? null },
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, operationId: job.operationId }, 'Could not announce'),
      );
  }
}
