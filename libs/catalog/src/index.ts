import { CreateCatalog1732500009000 } from './migrations/1732500009000-CreateCatalog';

export * from './catalog.module';
export * from './catalog-read.module';
export * from './catalog.errors';
export type {
  ProductChangeKind,
  ProductsChangedEvent,
  StockChange,
  StockChangedEvent,
} from './catalog.events';
export { MAX_STOCK_CHANGES_PER_EVENT } from './catalog.events';
export { ProductEntity, type Product } from './products/product.entity';
export { StockMovementEntity } from './stock/stock-movement.entity';
export { CategoryAlertEntity } from './categories/category-alert.entity';
export {
  CatalogQueries,
  type AlertTarget,
  type VisibleProductsFilter,
} from './queries/catalog.queries';

/** Schema migrations owned by this lib, in order. */
export const catalogMigrations = [CreateCatalog1732500009000];
/** The stock statement and its parameters, for benches that measure it bare beside the API. */
export { stockStatement, type StockAdjustment } from './stock/stock-ledger';
export { ProductSearch, type ProductHit } from './products/product-search';
