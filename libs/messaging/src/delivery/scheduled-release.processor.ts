import { EventBus } from '@botdeck/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { MessageDeliveriesRepository } from '../bulk/message-deliveries.repository';
import { SCHEDULED_MESSAGES_QUEUE } from '../messaging.events';

/**
 * Fires when a scheduled send's time comes: releases the operation's deliveries and nudges
 * the senders. The delayed job lives in Redis, so it survives worker restarts; releasing is
 * idempotent and refuses a cancelled operation.
 */
@Processor(SCHEDULED_MESSAGES_QUEUE)
export class ScheduledReleaseProcessor extends WorkerHost {
  constructor(
    private readonly deliveries: MessageDeliveriesRepository,
    private readonly events: EventBus,
  ) {
    super();
  }

  async process(job: Job<{ operationId: string }>): Promise<void> {
    const { operationId } = job.data;
    if (await this.deliveries.release(operationId)) {
      await this.events.publish('messaging.released', { operationId });
    }
  }
}
