import { AppError, ConflictError, errorCodes, NotFoundError } from '@botdeck/core';

/** Codes the catalog answers with. */
export const CATALOG_ERRORS = errorCodes(
  'PRODUCT_NOT_FOUND',
  'PRODUCT_SKU_TAKEN',
  'PRODUCT_VERSION_CONFLICT',
  'INSUFFICIENT_STOCK',
  'STOCK_LIMIT_EXCEEDED',
  'PRODUCTS_NOT_FOUND',
  'CATEGORY_ALERT_NOT_FOUND',
);

export class ProductNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(CATALOG_ERRORS.PRODUCT_NOT_FOUND, `Product ${id} not found`);
  }
}

export class ProductSkuTakenError extends ConflictError {
  constructor(sku: string) {
    super(
      CATALOG_ERRORS.PRODUCT_SKU_TAKEN,
      `A product with sku "${sku}" already exists (skus ignore case)`,
      { sku },
    );
  }
}

export class ProductVersionConflictError extends ConflictError {
  constructor(current: number, given: number) {
    super(
      CATALOG_ERRORS.PRODUCT_VERSION_CONFLICT,
      `The product changed since you read it (version ${given}, now ${current}); reload and retry`,
      { currentVersion: current },
    );
  }
}

/** Where one refused adjustment would have left a product. */
export interface RefusedAdjustment {
  /** Index of the adjustment in the request (0 for a single change). */
  row: number;
  productId: string;
  /** What the stock would have become at that adjustment. */
  wouldBe: number;
}

/** Nothing changed: at least one adjustment would take a product below zero. */
export class InsufficientStockError extends ConflictError {
  constructor(refused: RefusedAdjustment[]) {
    super(
      CATALOG_ERRORS.INSUFFICIENT_STOCK,
      refused.length === 1
        ? `Not enough stock: the change would leave ${refused[0].wouldBe}; nothing was changed`
        : `Not enough stock for ${refused.length} adjustments; nothing was changed`,
      { refused },
    );
  }
}

/** Nothing changed: at least one adjustment would take a product above the stock limit. */
export class StockLimitExceededError extends ConflictError {
  constructor(refused: RefusedAdjustment[], max: number) {
    super(CATALOG_ERRORS.STOCK_LIMIT_EXCEEDED, `Stock may not exceed ${max}; nothing was changed`, {
      refused,
      max,
    });
  }
}

/** Rows of a bulk request that name products which do not exist (nothing changed). */
export class ProductsNotFoundError extends AppError {
  constructor(missing: { field: string; value: string }[]) {
    super(
      CATALOG_ERRORS.PRODUCTS_NOT_FOUND,
      404,
      `${missing.length} product(s) not found; nothing was changed`,
      { missing },
    );
  }
}

export class CategoryAlertNotFoundError extends NotFoundError {
  constructor(category: string) {
    super(CATALOG_ERRORS.CATEGORY_ALERT_NOT_FOUND, `Category "${category}" has no restock alert`);
  }
}
