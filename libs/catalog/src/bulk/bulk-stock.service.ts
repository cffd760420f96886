import { Injectable } from '@nestjs/common';
import { ProductsNotFoundError } from '../catalog.errors';
import { StockService } from '../stock/stock.service';
import { StockLedger } from '../stock/stock-ledger';
import { readAdjustments } from './adjustment-rows';
import type { BulkStockDto, BulkStockResultDto } from './dto/bulk-stock.dto';

/** Many stock adjustments in one statement, in order, all or nothing. */
@Injectable()
export class BulkStockService {
  constructor(
    private readonly ledger: StockLedger,
    private readonly stock: StockService,
  ) {}

  async apply(dto: BulkStockDto, actorId: string | null): Promise<BulkStockResultDto> {
    const adjustments = readAdjustments(dto.adjustments, dto.reason);
    const changes = await this.ledger.apply(adjustments, actorId, (rows) => {
      return new ProductsNotFoundError(
        rows.map((row) => {
          const adjustment = adjustments[row];
          return 'productId' in adjustment
            ? { field: `adjustments[${row}].productId`, value: adjustment.productId }
            : { field: `adjustments[${row}].sku`, value: adjustment.sku };
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
