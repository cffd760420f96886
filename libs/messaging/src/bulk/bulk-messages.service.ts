import { BotsService } from '@botdeck/bot-config';
import {
  type BulkOperationEntity,
  BulkOperationsRepository,
  BulkProgress,
  type BulkSelection,
  BulkSelectionEmptyError,
  BulkSelectionTooLargeError,
} from '@botdeck/bulk-operations';
import {
  bounded,
  EventBus,
  isUniqueViolation,
  roleAtLeast,
  UnitOfWork,
  ValidationFailedError,
} from '@botdeck/core';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import { pingsEveryone, toDiscordMessage } from '../messages/discord-message';
import { EveryoneForbiddenError } from '../messaging.errors';
import { SCHEDULED_MESSAGES_QUEUE } from '../messaging.events';
import { DeliveryLedger } from './delivery-ledger';
import { type BulkMessagesDto, MAX_MESSAGE_BOTS } from './dto/bulk-messages.dto';
import { MessageDeliveriesRepository } from './message-deliveries.repository';
import { deliveriesFor, planTargets, type TargetPlan } from './message-targets';

/** The furthest ahead a send may be scheduled. */
const MAX_SCHEDULE_AHEAD_MS = 31 * 24 * 3600_000;
/** A Redis call made after commit may never hold the request up longer than this. */
const NUDGE_TIMEOUT_MS = 1_000;

export interface CreateMessagesInput {
  body: BulkMessagesDto;
  actor: { id: string; role: string } | null;
  idempotencyKey: string | null;
}

export interface CreatedMessages {
  operation: BulkOperationEntity;
  replayed: boolean;
}

/**
 * Creates message operations: the operation row, the message and one delivery per target in
 * one transaction. After commit the workers are nudged (or, for a scheduled send, a delayed
 * job is added); if Redis is away then, the workers' poll and sweep pick the operation up.
 */
@Injectable()
export class BulkMessagesService {
  private readonly logger = new Logger(BulkMessagesService.name);

  constructor(
    private readonly operations: BulkOperationsRepository,
    private readonly deliveries: MessageDeliveriesRepository,
    private readonly ledger: DeliveryLedger,
    private readonly bots: BotsService,
    private readonly uow: UnitOfWork,
    private readonly events: EventBus,
    private readonly progress: BulkProgress,
    @InjectQueue(SCHEDULED_MESSAGES_QUEUE) private readonly schedule: Queue,
  ) {}

  async create(input: CreateMessagesInput): Promise<CreatedMessages> {
    const { body, actor } = input;
    if (pingsEveryone(body) && !roleAtLeast(actor?.role ?? '', 'admin')) {
      throw new EveryoneForbiddenError();
    }
    const plan = planTargets(body);
    const sendAt = parseSendAt(body.sendAt);
    const message = toDiscordMessage(body);
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ message, plan, sendAt }))
      .digest('hex');
    const actorId = actor?.id ?? null;
    if (input.idempotencyKey) {
      const replay = await this.replay(actorId, input.idempotencyKey, requestHash);
      if (replay) return replay;
    }

    const { botIds, existing } = await this.resolveBots(plan);
    const deliveries = deliveriesFor(plan, botIds, existing);
    const id = randomUUID();
    try {
      await this.uow.transaction(async (manager) => {
        await this.operations.insertOperation(manager, {
          id,
          kind: 'message',
          selection: selectionOf(body),
          actorId,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          total: deliveries.length,
          failed: deliveries.filter((delivery) => delivery.failure).length,
        });
        await this.deliveries.insert(manager, { operationId: id, message, sendAt, deliveries });
      });
    } catch (error) {
      if (input.idempotencyKey && isUniqueViolation(error)) {
        const replay = await this.replay(actorId, input.idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
    const operation = (await this.operations.findById(id))!;
    this.uow.afterCommit(() => this.dispatch(operation, sendAt));
    return { operation, replayed: false };
  }

  /** Stops what has not been sent; a scheduled send's job is removed too. */
  async cancel(operation: BulkOperationEntity): Promise<void> {
    await this.ledger.cancel(operation.id);
    // The job would find the operation cancelled and release nothing; removing it is tidiness.
    await bounded(this.schedule.remove(operation.id), NUDGE_TIMEOUT_MS, 'Removing the job').catch(
      (error: unknown) =>
        this.logger.warn({ err: error, operationId: operation.id }, 'Could not remove the job'),
    );
  }

  private async dispatch(operation: BulkOperationEntity, sendAt: Date | null): Promise<void> {
    await this.progress.announceOperation(operation);
    const nudge: Promise<unknown> = sendAt
      ? this.schedule.add(
          'release',
          { operationId: operation.id },
          { jobId: operation.id, delay: Math.max(0, sendAt.getTime() - Date.now()) },
        )
      : this.events.publish('messaging.released', { operationId: operation.id });
    await bounded(nudge, NUDGE_TIMEOUT_MS, 'Dispatching a message operation').catch(
      (error: unknown) =>
        this.logger.warn(
          { err: error, operationId: operation.id },
          'Could not dispatch; the workers will pick the operation up on their own',
        ),
    );
  }

  private async replay(
    actorId: string | null,
    key: string,
    requestHash: string,
  ): Promise<CreatedMessages | null> {
    const operation = await this.operations.findReplay(actorId, key, requestHash);
    return operation && { operation, replayed: true };
  }

  /** The bots of the request, in order, and which of them exist. */
  private async resolveBots(
    plan: TargetPlan,
  ): Promise<{ botIds: string[]; existing: Set<string> }> {
    if ('explicit' in plan) {
      const ids = [...new Set(plan.explicit.map((target) => target.botId))];
      return {
        botIds: ids,
        existing: new Set((await this.bots.select({ botIds: ids }, ids.length)).ids),
      };
    }
    if ('botIds' in plan.bots) {
      const ids = plan.bots.botIds;
      return {
        botIds: ids,
        existing: new Set((await this.bots.select({ botIds: ids }, ids.length)).ids),
      };
    }
    const { ids, matched } = await this.bots.select(plan.bots, MAX_MESSAGE_BOTS + 1);
    if (ids.length === 0) throw new BulkSelectionEmptyError(plan.bots.tags);
    if (matched > MAX_MESSAGE_BOTS) throw new BulkSelectionTooLargeError(matched, MAX_MESSAGE_BOTS);
    return { botIds: ids, existing: new Set(ids) };
  }
}

/** What the operation row keeps of the targets (the deliveries hold the rest). */
function selectionOf(body: BulkMessagesDto): BulkSelection {
  if (body.targets) return { targets: body.targets.length };
  return {
    ...(body.botIds ? { botIds: body.botIds } : { tags: body.tags }),
    ...(body.channelIds ? { channelIds: body.channelIds } : { everyTextChannel: true }),
  };
}

/** A time in the past means now; more than 31 days ahead is refused. */
function parseSendAt(raw: string | undefined): Date | null {
  if (raw === undefined) return null;
  const at = new Date(raw);
  const ahead = at.getTime() - Date.now();
  if (Number.isNaN(ahead) || ahead > MAX_SCHEDULE_AHEAD_MS) {
    throw new ValidationFailedError([
      { field: 'sendAt', messages: ['sendAt must be a time within the next 31 days'] },
    ]);
  }
  return ahead > 0 ? at : null;
}
