import { bounded, EventBus } from '@botdeck/core';
import { Injectable, Logger } from '@nestjs/common';
import type { BulkOperationEntity } from '../operations/bulk-operation.entity';
import type { OperationProgressEvent } from '../operations/bulk-operation.events';

/** Progress is a courtesy for dashboards; it may never hold a request or a send up longer. */
const ANNOUNCE_TIMEOUT_MS = 1_000;

/** Publishes `operation.progress`, bounded, logging (never throwing) when it cannot. */
@Injectable()
export class BulkProgress {
  private readonly logger = new Logger(BulkProgress.name);

  constructor(private readonly events: EventBus) {}

  /** Announces an operation as it stands (e.g. just created). */
  announceOperation(operation: BulkOperationEntity): Promise<void> {
    return this.announce({
      operationId: operation.id,
      kind: operation.kind,
      status: operation.status,
      totals: {
        total: operation.total,
        pending: operation.pending,
        succeeded: operation.succeeded,
        failed: operation.failed,
      },
    });
  }

  async announce(event: OperationProgressEvent): Promise<void> {
    const publish = this.events.publish('operation.progress', event);
    await bounded(publish, ANNOUNCE_TIMEOUT_MS, 'Announcing progress').catch((error: unknown) =>
      this.logger.warn({ err: error, operationId: event.operationId }, 'Could not announce'),
    );
  }
}
