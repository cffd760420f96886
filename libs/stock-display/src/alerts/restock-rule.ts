import type { StockChange } from '@botdeck/catalog';

/**
 * Whether a stock change is a restock worth announcing: the product comes back from sold out
 * (0 → more), or climbs from at or under its low-stock threshold to above it. Going to
 * unlimited from a counted stock is a restock too; anything that stays low, or starts above
 * the threshold, is not.
 */
export function isRestock(change: Pick<StockChange, 'before' | 'after' | 'lowStockThreshold'>) {
  const { before, after, lowStockThreshold } = change;
  if (before === null) return false;
  if (after === null) return true;
  if (before === 0 && after > 0) return true;
  return before <= lowStockThreshold && after > lowStockThreshold;
}
