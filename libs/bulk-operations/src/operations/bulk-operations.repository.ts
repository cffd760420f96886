import { BOT_CONFIG_ERRORS } from '@botdeck/bot-config';
import { type Page, paginate, UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type BulkKind,
  BulkOperationEntity,
  BulkOperationItemEntity,
  type BulkSelection,
  type OperationStatus,
} from './bulk-operation.entity';
import type { OperationTotals } from './bulk-operation.events';
import type { ListOperationsQuery } from './dto/list-operations.query';

export interface NewOperation {
  id: string;
  kind: BulkKind;
  selection: BulkSelection;
  actorId: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  /** Every bot in the request, in order; those in `missing` fail at once with BOT_NOT_FOUND. */
  botIds: string[];
  missing: ReadonlySet<string>;
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
  kind: BulkKind;
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
    const failed = operation.botIds.filter((id) => operation.missing.has(id)).length;
    const total = operation.botIds.length;
    await manager.insert(BulkOperationEntity, {
      id: operation.id,
      kind: operation.kind,
      status: failed === total ? 'completed' : 'pending',
      selection: operation.selection,
      total,
      pending: total - failed,
      succeeded: 0,
      failed,
      actorId: operation.actorId,
      idempotencyKey: operation.idempotencyKey,
      requestHash: operation.requestHash,
      completedAt: failed === total ? new Date() : null,
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

  findByIdempotencyKey(actorId: string | null, key: string): Promise<BulkOperationEntity | null> {
    return this.uow
      .getRepository(BulkOperationEntity)
      .createQueryBuilder('op')
      .where('op.idempotencyKey = :key', { key })
      .andWhere(actorId === null ? 'op.actorId IS NULL' : 'op.actorId = :actorId', { actorId })
      .getOne();
  }

  items(operationId: string): Promise<BulkOperationItemEntity[]> {
    return this.uow
      .getRepository(BulkOperationItemEntity)
      .find({ where: { operationId }, order: { position: 'ASC' } });
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
      Array<{ operation_id: string; bot_id: string; kind: BulkKind; created_at: Date }>
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
    const row = rows[0][0];
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
}
