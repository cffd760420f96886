import { BOT_CONFIG_ERRORS } from '@botdeck/bot-config';
import { type Page, paginate, UnitOfWork } from '@botdeck/core';
import { IdempotencyKeyReusedError } from '../bulk-operations.errors';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type BulkKind,
  BulkOperationEntity,
  BulkOperationItemEntity,
  type BulkSelection,
  type LifecycleKind,
  type OperationStatus,
} from './bulk-operation.entity';
import type { OperationTotals } from './bulk-operation.events';
import type { ItemsPageQuery } from './dto/items-page.query';
import { DEFAULT_ITEMS_PAGE } from './dto/items-page.query';
import type { ListOperationsQuery } from './dto/list-operations.query';
import { decodeItemCursor, encodeItemCursor } from './items-cursor';

/** The operation row itself, whatever keeps its items. */
export interface NewOperationRow {
  id: string;
  kind: BulkKind;
  selection: BulkSelection;
  actorId: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  total: number;
  /** Items that failed at once (unknown bots); the rest start pending. */
  failed: number;
}

export interface NewOperation extends Omit<NewOperationRow, 'total' | 'failed'> {
  /** Every bot in the request, in order; those in `missing` fail at once with BOT_NOT_FOUND. */
  botIds: string[];
  missing: ReadonlySet<string>;
}

/** How a kind that keeps its own items moves the counters: all in one statement. */
export interface CounterChange {
  succeeded?: number;
  failed?: number;
  /** Items added (positive) or dropped (negative) while running, e.g. a target expanded. */
  added?: number;
  /** Marks the operation cancelled; it stays so whatever finishes after. */
  cancel?: boolean;
}

export interface ItemResult {
  status: 'succeeded' | 'failed';
  errorCode?: string | null;
  errorMessage?: string | null;
}

/** An item still waiting for its bot, with what it needs to be decided. */
export interface PendingItem {
  operationId: string;
  botId: string;
  kind: LifecycleKind;
  /** When the operation asked for the change (its creating transaction's time). */
  requestedAt: Date;
}

export interface RecordedResult {
  kind: BulkKind;
  status: OperationStatus;
  totals: OperationTotals;
}

interface CountersRow {
  kind: BulkKind;
  status: OperationStatus;
  total: number;
  pending: number;
  succeeded: number;
  failed: number;
}

/**
 * SQL for operations and their items. Counters change only inside single statements that
 * also move an item out of `pending`, so they stay exact under concurrent jobs and retries.
 */
@Injectable()
export class BulkOperationsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Writes the operation and all its items, in the caller's transaction. */
  async insert(manager: EntityManager, operation: NewOperation): Promise<void> {
    const { botIds, missing, ...row } = operation;
    await this.insertOperation(manager, {
      ...row,
      total: botIds.length,
      failed: botIds.filter((id) => missing.has(id)).length,
    });
    const now = new Date();
    await manager.insert(
      BulkOperationItemEntity,
      operation.botIds.map((botId, position) => {
        const missing = operation.missing.has(botId);
        return {
          operationId: operation.id,
          botId,
          position,
          status: missing ? ('failed' as const) : ('pending' as const),
          errorCode: missing ? BOT_CONFIG_ERRORS.BOT_NOT_FOUND : null,
          errorMessage: missing ? `Bot ${botId} not found` : null,
          finishedAt: missing ? now : null,
        };
      }),
    );
  }

  /** Writes the operation row alone, for a kind that writes its own items beside it. */
  async insertOperation(manager: EntityManager, row: NewOperationRow): Promise<void> {
    const done = row.failed === row.total;
    await manager.insert(BulkOperationEntity, {
      ...row,
      status: done ? 'completed' : 'pending',
      pending: row.total - row.failed,
      succeeded: 0,
      completedAt: done ? new Date() : null,
    });
  }

  /**
   * Moves the counters of an operation whose items live elsewhere, in the caller's transaction
   * (beside the statement that moved those items). Null when the operation is gone.
   */
  async count(
    manager: EntityManager,
    operationId: string,
    change: CounterChange,
  ): Promise<RecordedResult | null> {
    const succeeded = change.succeeded ?? 0;
    const failed = change.failed ?? 0;
    const added = change.added ?? 0;
    const rows = await manager.query<[CountersRow[], number]>(
      `UPDATE bulk_operations
          SET total = total + $4,
              pending = pending + $4 - $2 - $3,
              succeeded = succeeded + $2,
              failed = failed + $3,
              status = CASE
                WHEN $5 OR status = 'cancelled' THEN 'cancelled'
                WHEN pending + $4 - $2 - $3 = 0 THEN 'completed'
                ELSE 'running' END,
              started_at = coalesce(started_at, now()),
              completed_at = CASE WHEN pending + $4 - $2 - $3 = 0
                THEN coalesce(completed_at, now()) ELSE completed_at END,
              updated_at = now()
        WHERE id = $1
        RETURNING kind, status, total, pending, succeeded, failed`,
      [operationId, succeeded, failed, added, change.cancel ?? false],
    );
    return toRecorded(rows[0][0]);
  }

  findById(id: string): Promise<BulkOperationEntity | null> {
    return this.uow.getRepository(BulkOperationEntity).findOneBy({ id });
  }

  /** Newest first, keyset-paged on (created_at, id). */
  list(query: ListOperationsQuery): Promise<Page<BulkOperationEntity>> {
    const qb = this.uow.getRepository(BulkOperationEntity).createQueryBuilder('op');
    if (query.kind) qb.andWhere('op.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('op.status = :status', { status: query.status });
    return paginate(qb, query);
  }

  /**
   * The operation an earlier request with this key created, or null; the same key with another
   * request (another hash) is refused.
   */
  async findReplay(
    actorId: string | null,
    key: string,
    requestHash: string,
  ): Promise<BulkOperationEntity | null> {
    const operation = await this.findByIdempotencyKey(actorId, key);
    if (operation && operation.requestHash !== requestHash) {
      throw new IdempotencyKeyReusedError(operation.id);
    }
    return operation;
  }

  findByIdempotencyKey(actorId: string | null, key: string): Promise<BulkOperationEntity | null> {
    return this.uow
      .getRepository(BulkOperationEntity)
      .createQueryBuilder('op')
      .where('op.idempotencyKey = :key', { key })
      .andWhere(actorId === null ? 'op.actorId IS NULL' : 'op.actorId = :actorId', { actorId })
      .getOne();
  }

  /** Every item of an operation (at most 500), in request order. */
  items(operationId: string): Promise<BulkOperationItemEntity[]> {
    return this.uow
      .getRepository(BulkOperationItemEntity)
      .find({ where: { operationId }, order: { position: 'ASC' } });
  }

  /** One page of a lifecycle operation's items, keyset-paged on (position, bot id). */
  async itemsPage(
    operationId: string,
    page: ItemsPageQuery,
  ): Promise<Page<BulkOperationItemEntity>> {
    const limit = page.limit ?? DEFAULT_ITEMS_PAGE;
    const qb = this.uow
      .getRepository(BulkOperationItemEntity)
      .createQueryBuilder('item')
      .where('item.operationId = :operationId', { operationId });
    if (page.cursor) {
      const after = decodeItemCursor(page.cursor);
      qb.andWhere('(item.position, item.botId) > (:position, :botId)', {
        position: after.position,
        botId: after.id,
      });
    }
    const rows = await qb
      .orderBy('item.position', 'ASC')
      .addOrderBy('item.botId', 'ASC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeItemCursor({ position: last.position, id: last.botId })
          : null,
    };
  }

  /**
   * Pending items, oldest operation first: of one bot (a status event), of one operation (the
   * check after it is created), or any (the sweep).
   */
  async pendingItems(filter: {
    botId?: string;
    operationId?: string;
    limit: number;
  }): Promise<PendingItem[]> {
    const rows = await this.uow.manager.query<
      Array<{ operation_id: string; bot_id: string; kind: LifecycleKind; created_at: Date }>
    >(
      `SELECT i.operation_id, i.bot_id, o.kind, o.created_at
         FROM bulk_operation_items i
         JOIN bulk_operations o ON o.id = i.operation_id
        WHERE i.status = 'pending'
          AND ($1::uuid IS NULL OR i.bot_id = $1)
          AND ($2::uuid IS NULL OR i.operation_id = $2)
        ORDER BY o.created_at
        LIMIT $3`,
      [filter.botId ?? null, filter.operationId ?? null, filter.limit],
    );
    return rows.map((row) => ({
      operationId: row.operation_id,
      botId: row.bot_id,
      kind: row.kind,
      requestedAt: row.created_at,
    }));
  }

  /**
   * Finishes one item and moves the counters in the same statement. Returns null when the item
   * had already finished (a retried or duplicate job), so the caller does nothing more.
   */
  async recordResult(
    operationId: string,
    botId: string,
    result: ItemResult,
  ): Promise<RecordedResult | null> {
    const rows = await this.uow.manager.query<[CountersRow[], number]>(
      `WITH item AS (
         UPDATE bulk_operation_items
            SET status = $3, error_code = $4, error_message = $5, finished_at = now()
          WHERE operation_id = $1 AND bot_id = $2 AND status = 'pending'
          RETURNING status
       )
       UPDATE bulk_operations
          SET pending = pending - 1,
              succeeded = succeeded + (CASE WHEN $3 = 'succeeded' THEN 1 ELSE 0 END),
              failed = failed + (CASE WHEN $3 = 'failed' THEN 1 ELSE 0 END),
              status = CASE WHEN pending = 1 THEN 'completed' ELSE 'running' END,
              started_at = coalesce(started_at, now()),
              completed_at = CASE WHEN pending = 1 THEN now() ELSE completed_at END,
              updated_at = now()
        WHERE id = $1 AND EXISTS (SELECT 1 FROM item)
        RETURNING kind, status, total, pending, succeeded, failed`,
      [
        operationId,
        botId,
        result.status,
        result.errorCode ?? null,
        result.errorMessage?.slice(0, 1000) ?? null,
      ],
    );
    return toRecorded(rows[0][0]);
  }
}

function toRecorded(row: CountersRow | undefined): RecordedResult | null {
  if (!row) return null;
  return {
    kind: row.kind,
    status: row.status,
    totals: {
      total: row.total,
      pending: row.pending,
      succeeded: row.succeeded,
      failed: row.failed,
    },
  };
}
