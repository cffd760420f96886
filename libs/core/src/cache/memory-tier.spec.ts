import { MemoryTier } from './memory-tier';

describe('MemoryTier', () => {
  it('keeps the most recently used entries within its capacity', () => {
    const tier = new MemoryTier(2);
    tier.set('a', 1, 60_000);
    tier.set('b', 2, 60_000);
    expect(tier.get('a')).toBe(1);
    tier.set('c', 3, 60_000);
    expect([tier.get('a'), tier.get('b'), tier.get('c')]).toEqual([1, undefined, 3]);
  });

  it('keeps weighed entries within its total weight, and never one heavier than it', () => {
    const tier = new MemoryTier(100, 10);
    tier.set('a', 'aaaa', 60_000, 4);
    tier.set('b', 'bbbb', 60_000, 4);
    tier.set('c', 'cccc', 60_000, 4);
    expect([tier.get('a'), tier.get('b'), tier.get('c')]).toEqual([undefined, 'bbbb', 'cccc']);
    tier.set('huge', 'x'.repeat(11), 60_000, 11);
    expect(tier.get('huge')).toBeUndefined();
    expect(tier.get('b')).toBe('bbbb');
    // Replacing an entry does not count its old weight twice.
    tier.set('b', 'bb', 60_000, 2);
    tier.set('d', 'dddd', 60_000, 4);
    expect([tier.get('b'), tier.get('c'), tier.get('d')]).toEqual(['bb', 'cccc', 'dddd']);
  });

  it('forgets an expired entry', () => {
    const tier = new MemoryTier(10);
    tier.set('a', 1, -1);
    expect(tier.get('a')).toBeUndefined();
  });
});
