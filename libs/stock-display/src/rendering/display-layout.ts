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

/** The product fields a display renders (a subset of the catalog's `Product`). */
export interface DisplayProduct {
  id: string;
  sku: string;
  name: string;
  category: string | null;
  priceMinor: number;
  currency: string;
  /** null = unlimited. */
  stock: number | null;
  lowStockThreshold: number;
  emoji: string | null;
}

/** The display fields the renderer needs. */
export interface RenderableDisplay extends DisplayLayout {
  id: string;
  title: string;
}
