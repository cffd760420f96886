import { BotsService } from '@botdeck/bot-config';
import { BotLifecycleService } from '@botdeck/bot-runtime';
import { bounded, EventBus, isUniqueViolation, type Page, UnitOfWork } from '@botdeck/core';
import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  BulkOperationNotFoundError,
  BulkSelectionEmptyError,
  BulkSelectionTooLargeError,
  IdempotencyKeyReusedError,
} from '../bulk-operations.errors';
import { BulkItemSettler } from '../execution/bulk-item.settler';
import type {
  BulkKind,
  BulkOperationEntity,
  BulkOperationItemEntity,
  BulkSelection,
} from './bulk-operation.entity';
import { BulkOperationsRepository } from './bulk-operations.repository';
import { type BulkBotsDto, MAX_BULK_BOTS } from './dto/bulk-bots.dto';
import type { ListOperationsQuery } from './dto/list-operations.query';

/** Progress is a courtesy for dashboards; it may never hold a request up longer. */
const ANNOUNCE_TIMEOUT_MS = 1_000;

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

/**
 * Creates bulk lifecycle operations. The operation, its items and the desired state of every
 * selected bot are written in one transaction; the workers are nudged once after it commits,
 * and items are settled from the bots' statuses (see `BulkItemSettler`). Nothing here waits
 * on Redis: if the nudge cannot go out, the reconcilers' interval and the sweep catch up.
 */
@Injectable()
export class BulkOperationsService {
  private readonly logger = new Logger(BulkOperationsService.name);

  constructor(
    private readonly operations: BulkOperationsRepository,
    private readonly bots: BotsService,
    private readonly lifecycle: BotLifecycleService,
    private readonly settler: BulkItemSettler,
    private readonly uow: UnitOfWork,
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
      await this.uow.transaction(async (manager) => {
        await this.operations.insert(manager, {
          id,
          kind: input.kind,
          selection,
          actorId: input.actorId,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          botIds,
          missing,
        });
        await this.lifecycle.requestMany(input.kind, known);
      });
    } catch (error) {
      // Two requests with the same key raced; the one that lost answers like a replay.
      if (input.idempotencyKey && isUniqueViolation(error)) {
        const replay = await this.replay(input.actorId, input.idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
    const operation = await this.get(id);
    this.uow.afterCommit(async () => {
      await this.announce(operation);
      // Bots already where they were asked to be (a stop of stopped bots) settle at once.
      await this.settler.sweep(id);
    });
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
   * The operation an earlier request with this key created, or null. Its desired states were
   * written with it; the sweep settles its items whatever became of the nudge.
   */
  private async replay(
    actorId: string | null,
    key: string,
    requestHash: string,
  ): Promise<CreatedOperation | null> {
    const operation = await this.operations.findByIdempotencyKey(actorId, key);
    if (!operation) return null;
    if (operation.requestHash !== requestHash) throw new IdempotencyKeyReusedError(operation.id);
    const botIds = (await this.operations.items(operation.id)).map((item) => item.botId);
    return { operation, botIds, replayed: true };
  }

  private async resolve(
    selection: BulkSelection,
  ): Promise<{ botIds: string[]; missing: Set<string> }> {
    if ('botIds' in selection) {
      const found = new Set((await this.bots.select(selection, MAX_BULK_BOTS)).ids);
      return {
        botIds: selection.botIds,
        missing: new Set(selection.botIds.filter((id) => !found.has(id))),
      };
    }
    const { ids, matched } = await this.bots.select(selection, MAX_BULK_BOTS + 1);
    if (ids.length === 0) throw new BulkSelectionEmptyError(selection.tags);
    if (matched > MAX_BULK_BOTS) throw new BulkSelectionTooLargeError(matched, MAX_BULK_BOTS);
    return { botIds: ids, missing: new Set() };
  }

  private async announce(operation: BulkOperationEntity): Promise<void> {
    const publish = this.events.publish('operation.progress', {
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
    await bounded(publish, ANNOUNCE_TIMEOUT_MS, 'Announcing progress').catch((error: unknown) =>
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
