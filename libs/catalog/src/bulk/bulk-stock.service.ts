import { Injectable } from '@nestjs/common';
import { ProductsNotFoundError } from '../catalog.errors';
import { StockService } from '../stock/stock.service';
import { type StockAdjustment, StockLedger } from '../stock/stock-ledger';
import type { BulkAdjustmentDto, BulkStockDto, BulkStockResultDto } from './dto/bulk-stock.dto';

/** The ledger's form of a validated row: who, how much, and why. */
export function toAdjustment(row: BulkAdjustmentDto, reason: string): StockAdjustment {
  const product = row.productId !== undefined ? { productId: row.productId } : { sku: row.sku! };
  const amount = row.delta !== undefined ? { delta: row.delta } : { set: row.set ?? null };
  return { ...product, ...amount, reason: row.reason ?? reason };
}

/** Many stock adjustments in one statement, in order, all or nothing. */
@Injectable()
export class BulkStockService {
  constructor(
    private readonly ledger: StockLedger,
    private readonly stock: StockService,
  ) {}

  async apply(dto: BulkStockDto, actorId: string | null): Promise<BulkStockResultDto> {
    const adjustments = dto.adjustments.map((row) => toAdjustment(row, dto.reason));
    const changes = await this.ledger.apply(adjustments, actorId, (rows) => {
      return new ProductsNotFoundError(
        rows.map((row) => {
          const adjustment = dto.adjustments[row];
          return adjustment.productId !== undefined
            ? { field: `adjustments[${row}].productId`, value: adjustment.productId }
            : { field: `adjustments[${row}].sku`, value: adjustment.sku! };
        }),
      );
    });
    this.stock.announce(changes);
    return {
      adjustments: adjustments.length,
      products: changes.length,
      changed: changes.filter((change) => change.before !== change.after).length,
    };
  }
}
