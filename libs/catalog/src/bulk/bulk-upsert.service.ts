import {
  ConflictError,
  CORE_ERRORS,
  type FieldError,
  isUniqueViolation,
  UnitOfWork,
  ValidationFailedError,
} from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { CatalogEvents } from '../catalog-events';
import type { ProductFieldsDto } from '../products/dto/create-product.dto';
import { UPSERT_PRODUCTS } from './bulk-upsert.sql';
import type { BulkUpsertResultDto, UpsertOutcome } from './dto/bulk-upsert.dto';

interface UpsertRow {
  row: number;
  id: string;
  sku: string;
  outcome: UpsertOutcome;
  category: string | null;
  old_category: string | null;
  before: number | null;
  after: number | null;
  low_stock_threshold: number | null;
}

/**
 * What the DTO cannot check row by row: a sku given twice (ignoring case) and an alert
 * channel without its role (or the reverse). Each error names the row and the field.
 */
export function upsertRowErrors(products: readonly ProductFieldsDto[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  products.forEach((product, row) => {
    const key = product.sku.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    else {
      errors.push({
        field: `products[${row}].sku`,
        messages: [`sku repeats products[${first}].sku (skus ignore case)`],
      });
    }
    const channel = product.alertChannelId;
    const role = product.alertRoleId;
    if (
      (channel === undefined) !== (role === undefined) ||
      (channel === null) !== (role === null)
    ) {
      errors.push({
        field: `products[${row}].alertRoleId`,
        messages: ['alertChannelId and alertRoleId go together: give both, or neither'],
      });
    }
  });
  return errors;
}

/** Creates or updates up to 5 000 products by sku in one statement, all or nothing. */
@Injectable()
export class BulkUpsertService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: CatalogEvents,
  ) {}

  async apply(
    products: readonly ProductFieldsDto[],
    actorId: string | null,
  ): Promise<BulkUpsertResultDto> {
    const errors = upsertRowErrors(products);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    let rows: UpsertRow[];
    try {
      rows = await this.uow.transaction((manager) =>
        // JSON drops the fields a row left out, which is what the statement tells apart.
        manager.query<UpsertRow[]>(UPSERT_PRODUCTS, [JSON.stringify(products), actorId]),
      );
    } catch (error) {
      // Another request created one of these skus after this one looked: nothing was written.
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          CORE_ERRORS.CONFLICT,
          'A product with one of these skus was created meanwhile; nothing was changed, retry',
        );
      }
      throw error;
    }
    const touched = rows.filter((row) => row.outcome !== 'unchanged');
    this.events.productsChanged('upserted', [
      ...touched.map((row) => ({ id: row.id, category: row.category })),
      ...touched
        .filter((row) => row.outcome === 'updated')
        .map((row) => ({ id: row.id, category: row.old_category })),
    ]);
    this.events.stockChanged(
      rows
        .filter((row) => row.outcome === 'updated')
        .map((row) => ({
          productId: row.id,
          sku: row.sku,
          category: row.category,
          before: row.before,
          after: row.after,
          lowStockThreshold: row.low_stock_threshold!,
        })),
    );
    const count = (outcome: UpsertOutcome) => rows.filter((row) => row.outcome === outcome).length;
    return {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      products: rows.map((row) => ({ id: row.id, sku: row.sku, outcome: row.outcome })),
    };
  }
}
