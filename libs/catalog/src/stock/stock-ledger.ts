import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import {
  InsufficientStockError,
  type RefusedAdjustment,
  StockLimitExceededError,
} from '../catalog.errors';
import type { StockChange } from '../catalog.events';
import { MAX_STOCK } from '../products/dto/product-fields';
import { APPLY_STOCK_ADJUSTMENTS, APPLY_STOCK_DELTAS } from './stock-adjustment.sql';

/** One adjustment: a product by id or sku, and a delta or an absolute value (null = unlimited). */
export type StockAdjustment = ({ productId: string } | { sku: string }) &
  ({ delta: number } | { set: number | null }) & { reason: string };

/** A product's net change, and its last ledger row. */
export interface AppliedChange extends StockChange {
  /** The change of the last adjustment (null when a set crossed unlimited). */
  lastDelta: number | null;
  movementId: string;
  at: Date;
}

interface ResultRow {
  kind: 'missing' | 'refused' | 'changed';
  row: string | null;
  product_id: string | null;
  sku: string | null;
  category: string | null;
  before: string | null;
  after: string | null;
  low_stock_threshold: number | null;
  delta: string | null;
  movement_id: string | null;
  created_at: Date | null;
}

/** The statement for these adjustments and its parameters (one array per column, the actor). */
export function stockStatement(
  adjustments: readonly StockAdjustment[],
  actorId: string | null,
): { sql: string; params: unknown[] } {
  const sql = adjustments.some((a) => 'set' in a) ? APPLY_STOCK_ADJUSTMENTS : APPLY_STOCK_DELTAS;
  const params = [
    adjustments.map((a) => ('productId' in a ? a.productId : null)),
    adjustments.map((a) => ('sku' in a ? a.sku : null)),
    adjustments.map((a) => ('delta' in a ? a.delta : null)),
    adjustments.map((a) => 'set' in a),
    adjustments.map((a) => ('set' in a ? a.set : null)),
    adjustments.map((a) => a.reason),
    actorId,
  ];
  return { sql, params };
}

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/**
 * The one way stock changes: adjustments applied by a single SQL statement that locks the
 * products, checks every step, updates them and appends the ledger rows, all or nothing. The
 * caller's unit of work holds the transaction, so the audit entry commits with the change.
 */
@Injectable()
export class StockLedger {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Applies `adjustments` in order and returns each product's net change. Throws, with
   * nothing changed, `notFound(rows)` when rows name unknown products, or INSUFFICIENT_STOCK /
   * STOCK_LIMIT_EXCEEDED naming the rows whose step would leave 0…MAX_STOCK.
   */
  async apply(
    adjustments: readonly StockAdjustment[],
    actorId: string | null,
    notFound: (rows: number[]) => Error,
  ): Promise<AppliedChange[]> {
    const { sql, params } = stockStatement(adjustments, actorId);
    const rows = await this.uow.transaction((manager) => manager.query<ResultRow[]>(sql, params));
    const missing = rows.filter((row) => row.kind === 'missing').map((row) => Number(row.row));
    if (missing.length > 0) throw notFound(missing.sort((a, b) => a - b));
    const refused = rows
      .filter((row) => row.kind === 'refused')
      .map((row): RefusedAdjustment => ({
        row: Number(row.row),
        productId: row.product_id!,
        wouldBe: Number(row.after),
      }))
      .sort((a, b) => a.row - b.row);
    const negative = refused.filter((r) => r.wouldBe < 0);
    if (negative.length > 0) throw new InsufficientStockError(negative);
    if (refused.length > 0) throw new StockLimitExceededError(refused, MAX_STOCK);
    return rows.map((row) => ({
      productId: row.product_id!,
      sku: row.sku!,
      category: row.category,
      before: toNumber(row.before),
      after: toNumber(row.after),
      lowStockThreshold: row.low_stock_threshold!,
      lastDelta: toNumber(row.delta),
      movementId: row.movement_id!,
      at: row.created_at!,
    }));
  }
}
