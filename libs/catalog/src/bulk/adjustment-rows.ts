import { type FieldError, ValidationFailedError } from '@botdeck/core';
import { MAX_STOCK, SKU, SKU_MESSAGE } from '../products/dto/product-fields';
import { REASON_MAX } from '../stock/dto/stock-change.dto';
import type { StockAdjustment } from '../stock/stock-ledger';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = new Set(['productId', 'sku', 'delta', 'set', 'reason']);

/** A refused request names at most this many row errors (the first ones). */
export const MAX_ROW_ERRORS = 100;

/**
 * Reads the rows of a bulk stock request into ledger adjustments, or throws a validation error
 * naming each bad row and field (`adjustments[17].delta`), with the messages the DTOs give.
 *
 * Hand-written rather than class-validator's nested validation: that spends ~35 µs a row
 * (370 ms for 10 000 rows, measured), as long as the SQL that applies them; this takes ~1 µs.
 */
export function readAdjustments(rows: readonly unknown[], reason: string): StockAdjustment[] {
  const errors: FieldError[] = [];
  const adjustments: StockAdjustment[] = [];
  const fail = (field: string, message: string) => {
    if (errors.length < MAX_ROW_ERRORS) errors.push({ field, messages: [message] });
  };
  rows.forEach((raw, index) => {
    const at = `adjustments[${index}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      fail(at, 'each adjustment must be an object');
      return;
    }
    const row = raw as Record<string, unknown>;
    const before = errors.length;
    for (const key of Object.keys(row)) {
      if (!FIELDS.has(key)) fail(`${at}.${key}`, `property ${key} should not exist`);
    }
    const product = readProduct(row, at, fail);
    const amount = readAmount(row, at, fail);
    const ownReason = readReason(row.reason, `${at}.reason`, fail);
    if (errors.length === before && product && amount) {
      adjustments.push({ ...product, ...amount, reason: ownReason ?? reason });
    }
  });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return adjustments;
}

type Fail = (field: string, message: string) => void;

function readProduct(row: Record<string, unknown>, at: string, fail: Fail) {
  const { productId, sku } = row;
  if (productId !== undefined && sku !== undefined) {
    fail(`${at}.productId`, 'give only one of productId, sku');
  } else if (productId !== undefined) {
    if (typeof productId === 'string' && UUID.test(productId)) {
      return { productId: productId.toLowerCase() };
    }
    fail(`${at}.productId`, 'productId must be a UUID');
  } else if (sku !== undefined) {
    if (typeof sku === 'string' && SKU.test(sku)) return { sku };
    fail(`${at}.sku`, SKU_MESSAGE);
  } else {
    fail(`${at}.productId`, 'give either productId or sku');
  }
  return null;
}

function readAmount(row: Record<string, unknown>, at: string, fail: Fail) {
  const { delta, set } = row;
  if (delta !== undefined && set !== undefined) {
    fail(`${at}.delta`, 'give only one of delta, set');
  } else if (delta !== undefined) {
    if (!Number.isInteger(delta)) fail(`${at}.delta`, 'delta must be an integer number');
    else if (Math.abs(delta as number) > MAX_STOCK) {
      fail(`${at}.delta`, `delta must be between -${MAX_STOCK} and ${MAX_STOCK}`);
    } else if (delta === 0) fail(`${at}.delta`, 'delta must not be 0');
    else return { delta: delta as number };
  } else if (set !== undefined) {
    if (set === null) return { set: null };
    if (!Number.isInteger(set)) fail(`${at}.set`, 'set must be an integer number or null');
    else if ((set as number) < 0 || (set as number) > MAX_STOCK) {
      fail(`${at}.set`, `set must be between 0 and ${MAX_STOCK}`);
    } else return { set: set as number };
  } else {
    fail(`${at}.delta`, 'give either delta or set');
  }
  return null;
}

function readReason(reason: unknown, field: string, fail: Fail): string | undefined {
  if (reason === undefined) return undefined;
  const text = typeof reason === 'string' ? reason.trim() : null;
  if (text === null || text.length < 1 || text.length > REASON_MAX) {
    fail(field, `reason must be a string of 1 to ${REASON_MAX} characters`);
    return undefined;
  }
  return text;
}
