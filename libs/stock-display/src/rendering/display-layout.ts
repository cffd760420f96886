import type { Product } from '@botdeck/catalog';

/** How stock is shown: the exact count, or only a level (in stock / low / sold out). */
export const STOCK_MODES = ['exact', 'levels'] as const;
export type StockMode = (typeof STOCK_MODES)[number];

/** What a display shows and how; stored on the display, read by the renderer. */
export interface DisplayLayout {
  stockMode: StockMode;
  showPrices: boolean;
  /** Adds a marker to products at or under their low-stock threshold. */
  lowStockMarker: boolean;
}

/** The product fields a display renders (what `CatalogQueries.visibleProducts` returns holds them). */
export type DisplayProduct = Pick<
  Product,
  | 'id'
  | 'sku'
  | 'name'
  | 'category'
  | 'priceMinor'
  | 'currency'
  | 'stock'
  | 'lowStockThreshold'
  | 'emoji'
>;

/** The display fields the renderer needs. */
export interface RenderableDisplay extends DisplayLayout {
  id: string;
  title: string;
}
