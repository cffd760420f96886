import { EventBus, UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import {
  MAX_PRODUCTS_PER_EVENT,
  MAX_STOCK_CHANGES_PER_EVENT,
  type ProductChangeKind,
  type StockChange,
} from './catalog.events';

/**
 * Announces catalog changes once they are committed (never for a change that rolled back).
 * The bus is at-most-once: readers that must not miss a change reload from the database.
 */
@Injectable()
export class CatalogEvents {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bus: EventBus,
  ) {}

  /**
   * Publishes the products (a product listed twice, e.g. before and after an edit that moved
   * its category, counts once with both categories), in events of at most 1 000 products.
   */
  productsChanged(
    change: ProductChangeKind,
    products: readonly { id: string; category: string | null }[],
  ): void {
    const ids = [...new Set(products.map((product) => product.id))];
    for (let start = 0; start < ids.length; start += MAX_PRODUCTS_PER_EVENT) {
      const productIds = ids.slice(start, start + MAX_PRODUCTS_PER_EVENT);
      const inBatch = new Set(productIds);
      const categories = [
        ...new Set(
          products.filter((product) => inBatch.has(product.id)).map((product) => product.category),
        ),
      ];
      this.uow.afterCommit(() =>
        this.bus.publish('catalog.products.changed', { productIds, categories, change }),
      );
    }
  }

  /** Publishes the changes that moved a quantity, in events of at most 1 000 changes. */
  stockChanged(changes: readonly StockChange[]): void {
    const moved = changes
      .filter((change) => change.before !== change.after)
      .map(({ productId, sku, category, before, after, lowStockThreshold }) => ({
        productId,
        sku,
        category,
        before,
        after,
        lowStockThreshold,
      }));
    for (let start = 0; start < moved.length; start += MAX_STOCK_CHANGES_PER_EVENT) {
      const batch = moved.slice(start, start + MAX_STOCK_CHANGES_PER_EVENT);
      this.uow.afterCommit(() => this.bus.publish('catalog.stock.changed', { changes: batch }));
    }
  }
}
