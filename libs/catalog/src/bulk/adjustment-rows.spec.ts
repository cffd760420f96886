import { type FieldError, ValidationFailedError } from '@botdeck/core';
import { MAX_ROW_ERRORS, readAdjustments } from './adjustment-rows';

const ID = 'B5F0C1DE-0000-4000-8000-000000000001';

function errorsOf(rows: unknown[]) {
  try {
    readAdjustments(rows, 'default');
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).details as FieldError[];
  }
  throw new Error('expected a validation error');
}

describe('readAdjustments', () => {
  it('reads ids (lower-cased) or skus, deltas or sets, and the row reason over the request one', () => {
    expect(
      readAdjustments(
        [
          { productId: ID, delta: -2 },
          { sku: 'TEE-1', set: 40, reason: '  recount ' },
          { sku: 'TEE-2', set: null },
        ],
        'default',
      ),
    ).toEqual([
      { productId: ID.toLowerCase(), delta: -2, reason: 'default' },
      { sku: 'TEE-1', set: 40, reason: 'recount' },
      { sku: 'TEE-2', set: null, reason: 'default' },
    ]);
  });

  it('names the row and field of every mistake', () => {
    expect(
      errorsOf([
        { productId: ID, delta: 1 },
        'x',
        { delta: 1 },
        { productId: ID, sku: 'a', delta: 1 },
        { sku: 'has space', delta: 1 },
        { productId: 'nope', delta: 1 },
        { sku: 'a' },
        { sku: 'a', delta: 1, set: 1 },
        { sku: 'a', delta: 1.5 },
        { sku: 'a', delta: 0 },
        { sku: 'a', delta: 1e12 },
        { sku: 'a', set: -1 },
        { sku: 'a', set: '3' },
        { sku: 'a', delta: 1, reason: '' },
        { sku: 'a', delta: 1, colour: 'red' },
      ]).map((error) => error.field),
    ).toEqual([
      'adjustments[1]',
      'adjustments[2].productId',
      'adjustments[3].productId',
      'adjustments[4].sku',
      'adjustments[5].productId',
      'adjustments[6].delta',
      'adjustments[7].delta',
      'adjustments[8].delta',
      'adjustments[9].delta',
      'adjustments[10].delta',
      'adjustments[11].set',
      'adjustments[12].set',
      'adjustments[13].reason',
      'adjustments[14].colour',
    ]);
  });

  it(`reports at most ${MAX_ROW_ERRORS} errors`, () => {
    expect(errorsOf(Array.from({ length: 500 }, () => ({ delta: 1 })))).toHaveLength(
      MAX_ROW_ERRORS,
    );
  });
});
