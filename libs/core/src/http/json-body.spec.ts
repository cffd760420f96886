import { jsonDepth } from './json-body';
import { findUnsafeText } from './unsafe-text';

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['{"a":[1,{"b":2}]}', 3],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":"\\"[[["}', 1],
    ['[[],[[]]]', 3],
  ])('measures %s as %i', (text, depth) => {
    expect(jsonDepth(text, 100)).toBe(depth);
  });

  it('stops counting once past the limit', () => {
    expect(jsonDepth('['.repeat(1_000_000), 32)).toBe(33);
  });
});

describe('findUnsafeText', () => {
  it('names every field holding a NUL or an unpaired surrogate, keys included', () => {
    const found = findUnsafeText(
      { ok: 'fine 😀', a: 'x\u0000', b: ['y', '\ud800'], c: { d: '\udc00z' }, ['k\u0000']: 1 },
      '',
    );
    expect(found.map((error) => error.field)).toEqual(['a', 'b[1]', 'c.d', '"k\\u0000"']);
  });
});
