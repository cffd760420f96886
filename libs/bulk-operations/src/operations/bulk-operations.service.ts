import { BotsService } from '@botdeck/bot-config';
import { BotLifecycleService } from '@botdeck/bot-runtime';
import { isUniqueViolation, mapPage, type Page, UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  BulkOperationNotCancellableError,
  BulkOperationNotFoundError,
  BulkSelectionEmptyError,
  BulkSelectionTooLargeError,
} from '../bulk-operations.errors';
import { BulkItemSettler } from '../execution/bulk-item.settler';
import { BulkProgress } from '../execution/bulk-progress';
import { BulkKindRegistry } from '../kinds/bulk-kind.registry';
import type { BotSelection, BulkOperationEntity, LifecycleKind } from './bulk-operation.entity';
import { BulkOperationsRepository } from './bulk-operations.repository';
import { type BulkBotsDto, MAX_BULK_BOTS } from './dto/bulk-bots.dto';
import { BulkItemDto } from './dto/bulk-operation.dto';
import type { ItemsPageQuery } from './dto/items-page.query';
import type { ListOperationsQuery } from './dto/list-operations.query';

export interface CreateOperationInput {
  kind: LifecycleKind;
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
  constructor(
    private readonly operations: BulkOperationsRepository,
    private readonly bots: BotsService,
    private readonly lifecycle: BotLifecycleService,
    private readonly settler: BulkItemSettler,
    private readonly uow: UnitOfWork,
    private readonly progress: BulkProgress,
    private readonly kinds: BulkKindRegistry,
  ) {}

  async create(input: CreateOperationInput): Promise<CreatedOperation> {
    const selection: BotSelection = input.body.botIds
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
      await this.progress.announceOperation(operation);
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

  /** The operation and one page of its results, from wherever its kind keeps them. */
  async getWithItems(
    id: string,
    page: ItemsPageQuery,
  ): Promise<{ operation: BulkOperationEntity; items: Page<BulkItemDto> }> {
    const operation = await this.get(id);
    const handler = this.kinds.get(operation.kind);
    const items = handler
      ? await handler.items(id, page)
      : mapPage(await this.operations.itemsPage(id, page), (item) => BulkItemDto.from(item));
    return { operation, items };
  }

  /**
   * Stops what the operation has not done yet. Only kinds that can stop halfway (messages not
   * yet sent) can be cancelled; a finished operation cannot.
   */
  async cancel(id: string): Promise<BulkOperationEntity> {
    const operation = await this.get(id);
    const handler = this.kinds.get(operation.kind);
    if (!handler?.cancel) {
      throw new BulkOperationNotCancellableError(id, `${operation.kind} cannot stop halfway`);
    }
    if (operation.status === 'completed' || operation.status === 'cancelled') {
      throw new BulkOperationNotCancellableError(id, `it is already ${operation.status}`);
    }
    await handler.cancel(operation);
    return this.get(id);
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
    const operation = await this.operations.findReplay(actorId, key, requestHash);
    if (!operation) return null;
    const botIds = (await this.operations.items(operation.id)).map((item) => item.botId);
    return { operation, botIds, replayed: true };
  }

  private async resolve(
    selection: BotSelection,
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
}

/** Same kind and same set of bots or tags → same hash, whatever the order in the body. */
export function hashRequest(kind: LifecycleKind, selection: BotSelection): string {
  const canonical =
    'botIds' in selection
      ? { kind, botIds: [...selection.botIds].sort() }
      : { kind, tags: [...selection.tags].sort() };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
