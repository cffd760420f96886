import { isRestock } from './restock-rule';

describe('isRestock', () => {
  const at = (before: number | null, after: number | null, lowStockThreshold = 5) =>
    isRestock({ before, after, lowStockThreshold });

  it('fires when a product comes back from sold out, even to a low count', () => {
    expect(at(0, 1)).toBe(true);
    expect(at(0, 50)).toBe(true);
  });

  it('fires when stock climbs from at or under the threshold to above it', () => {
    expect(at(5, 6)).toBe(true);
    expect(at(2, 20)).toBe(true);
  });

  it('fires when a counted product becomes unlimited', () => {
    expect(at(0, null)).toBe(true);
  });

  it('stays quiet for sales, small top-ups and changes above the threshold', () => {
    expect(at(10, 9)).toBe(false);
    expect(at(1, 4)).toBe(false);
    expect(at(6, 60)).toBe(false);
    expect(at(3, 0)).toBe(false);
    expect(at(null, 4)).toBe(false);
    expect(at(null, null)).toBe(false);
  });
});
