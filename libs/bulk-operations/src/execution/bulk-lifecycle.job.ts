import type { JobsOptions } from 'bullmq';
import type { BulkKind } from '../operations/bulk-operation.entity';

/** BullMQ queue that carries one job per bot of a bulk lifecycle operation. */
export const BULK_LIFECYCLE_QUEUE = 'bulk-bot-lifecycle';

/** Job name is the kind (`start`, `stop`, `restart`); the data names the item. */
export interface BulkLifecycleJob {
  operationId: string;
  botId: string;
  kind: BulkKind;
}

/**
 * One job id per item, so enqueueing the same item twice (a replayed request) adds nothing
 * while the first job is still known to BullMQ; and a job that runs again finds its item
 * finished and does nothing.
 */
export function bulkJobId(operationId: string, botId: string): string {
  return `${operationId}.${botId}`;
}

/** Retries cover infrastructure hiccups (database, Redis); bot failures are item results. */
export const BULK_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
};
