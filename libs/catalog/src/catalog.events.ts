/** What happened to the products named in a `catalog.products.changed` event. */
export type ProductChangeKind = 'created' | 'updated' | 'deleted' | 'visibility' | 'upserted';

/**
 * Products were created, edited, deleted, shown or hidden. Readers (displays, caches) reload
 * what they show from `CatalogQueries`; the event only says which products and categories.
 */
export interface ProductsChangedEvent {
  productIds: string[];
  categories: (string | null)[];
  change: ProductChangeKind;
}

/** One product's stock before and after a committed change (null = unlimited). */
export interface StockChange {
  productId: string;
  sku: string;
  category: string | null;
  before: number | null;
  after: number | null;
  lowStockThreshold: number;
}

/**
 * Stock moved. One event per request, or several of at most `MAX_STOCK_CHANGES_PER_EVENT`
 * changes for a bulk adjustment; a product appears once per event with its net change.
 */
export interface StockChangedEvent {
  changes: StockChange[];
}

export const MAX_STOCK_CHANGES_PER_EVENT = 1_000;
/** Bulk writes split `catalog.products.changed` into events of at most this many products. */
export const MAX_PRODUCTS_PER_EVENT = 1_000;

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'catalog.products.changed': ProductsChangedEvent;
    'catalog.stock.changed': StockChangedEvent;
  }
}
