import { BotEntity } from '@botdeck/bot-config';
import { EventBus, isUniqueViolation, type Page } from '@botdeck/core';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import {
  BulkOperationNotFoundError,
  BulkSelectionEmptyError,
  BulkSelectionTooLargeError,
  IdempotencyKeyReusedError,
} from '../bulk-operations.errors';
import {
  BULK_JOB_OPTIONS,
  BULK_LIFECYCLE_QUEUE,
  bulkJobId,
  type BulkLifecycleJob,
} from '../execution/bulk-lifecycle.job';
import type {
  BulkKind,
  BulkOperationEntity,
  BulkOperationItemEntity,
  BulkSelection,
} from './bulk-operation.entity';
import { BulkOperationsRepository } from './bulk-operations.repository';
import { type BulkBotsDto, MAX_BULK_BOTS } from './dto/bulk-bots.dto';
import type { ListOperationsQuery } from './dto/list-operations.query';

export interface CreateOperationInput {
  kind: BulkKind;
  body: BulkBotsDto;
  actorId: string | null;
  idempotencyKey: string | null;
}

export interface CreatedOperation {
  operation: BulkOperationEntity;
  botIds: string[];
  /** True when an earlier request with the same Idempotency-Key created it. */
  replayed: boolean;
}

/** Creates bulk lifecycle operations and hands their items to the workers. */
@Injectable()
export class BulkOperationsService {
  private readonly logger = new Logger(BulkOperationsService.name);

  constructor(
    private readonly operations: BulkOperationsRepository,
    @InjectRepository(BotEntity) private readonly bots: Repository<BotEntity>,
    @InjectQueue(BULK_LIFECYCLE_QUEUE) private readonly queue: Queue<BulkLifecycleJob>,
    private readonly events: EventBus,
  ) {}

  async create(input: CreateOperationInput): Promise<CreatedOperation> {
    const selection: BulkSelection = input.body.botIds
      ? { botIds: input.body.botIds }
      : { tags: input.body.tags ?? [] };
    const requestHash = hashRequest(input.kind, selection);
    if (input.idempotencyKey) {
      const replay = await this.replay(input.actorId, input.idempotencyKey, requestHash);
      if (replay) return replay;
    }

    const { botIds, missing } = await this.resolve(selection);
    const id = randomUUID();
    const known = botIds.filter((botId) => !missing.has(botId));
    try {
      // Jobs go out before the commit: a failed enqueue leaves nothing behind, and a job that
      // runs before the commit is retried until its item is visible.
      await this.operations.insert(
        {
          id,
          kind: input.kind,
          selection,
          actorId: input.actorId,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          botIds,
          missing,
        },
        () => this.enqueue(id, input.kind, known),
      );
    } catch (error) {
      // Two requests with the same key raced; the one that lost answers like a replay.
      if (input.idempotencyKey && isUniqueViolation(error)) {
        const replay = await this.replay(input.actorId, input.idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
    const operation = await this.get(id);
    await this.announce(operation);
    return { operation, botIds, replayed: false };
  }

  async get(id: string): Promise<BulkOperationEntity> {
    const operation = await this.operations.findById(id);
    if (!operation) throw new BulkOperationNotFoundError(id);
    return operation;
  }

  list(query: ListOperationsQuery): Promise<Page<BulkOperationEntity>> {
    return this.operations.list(query);
  }

  async getWithItems(
    id: string,
  ): Promise<{ operation: BulkOperationEntity; items: BulkOperationItemEntity[] }> {
    const operation = await this.get(id);
    return { operation, items: await this.operations.items(id) };
  }

  /**
   * The operation an earlier request with this key created, or null. Its still-pending items
   * are enqueued again, in case their jobs were lost (a Redis without persistence restarted);
   * job ids keep this from doubling anything, and a finished item's job does nothing.
   */
  private async replay(
    actorId: string | null,
    key: string,
    requestHash: string,
  ): Promise<CreatedOperation | null> {
    const operation = await this.operations.findByIdempotencyKey(actorId, key);
    if (!operation) return null;
    if (operation.requestHash !== requestHash) throw new IdempotencyKeyReusedError(operation.id);
    await this.enqueue(
      operation.id,
      operation.kind,
      await this.operations.pendingBotIds(operation.id),
    );
    const botIds = (await this.operations.items(operation.id)).map((item) => item.botId);
    return { operation, botIds, replayed: true };
  }

  private async resolve(
    selection: BulkSelection,
  ): Promise<{ botIds: string[]; missing: Set<string> }> {
    if ('botIds' in selection) {
      const found = await this.bots
        .createQueryBuilder('bot')
        .select('bot.id', 'id')
        .where('bot.id IN (:...ids)', { ids: selection.botIds })
        .getRawMany<{ id: string }>();
      const known = new Set(found.map((row) => row.id));
      return {
        botIds: selection.botIds,
        missing: new Set(selection.botIds.filter((id) => !known.has(id))),
      };
    }
    const rows = await this.bots
      .createQueryBuilder('bot')
      .select('bot.id', 'id')
      .addSelect('count(*) OVER ()', 'matched')
      .where('bot.tags && :tags', { tags: selection.tags })
      .orderBy('bot.createdAt', 'ASC')
      .addOrderBy('bot.id', 'ASC')
      .limit(MAX_BULK_BOTS + 1)
      .getRawMany<{ id: string; matched: string }>();
    if (rows.length === 0) throw new BulkSelectionEmptyError(selection.tags);
    const matched = Number(rows[0]?.matched ?? rows.length);
    if (matched > MAX_BULK_BOTS) throw new BulkSelectionTooLargeError(matched, MAX_BULK_BOTS);
    return { botIds: rows.map((row) => row.id), missing: new Set() };
  }

  private async enqueue(operationId: string, kind: BulkKind, botIds: string[]): Promise<void> {
    if (botIds.length === 0) return;
    await this.queue.addBulk(
      botIds.map((botId) => ({
        name: kind,
        data: { operationId, botId, kind },
        opts: { ...BULK_JOB_OPTIONS, jobId: bulkJobId(operationId, botId) },
      })),
    );
  }

  private async announce(operation: BulkOperationEntity): Promise<void> {
    // Progress is a courtesy for dashboards; the operation itself is already safe.
    await this.events
      .publish('operation.progress', {
        operationId: operation.id,
        kind: operation.kind,
        status: operation.status,
        totals: {
          total: operation.total,
          pending: operation.pending,
          succeeded: operation.succeeded,
          failed: operation.failed,
        },
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, operationId: operation.id }, 'Could not announce'),
      );
  }
}

/** Same kind and same set of bots or tags → same hash, whatever the order in the body. */
export function hashRequest(kind: BulkKind, selection: BulkSelection): string {
  const canonical =
    'botIds' in selection
      ? { kind, botIds: [...selection.botIds].sort() }
      : { kind, tags: [...selection.tags].sort() };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
