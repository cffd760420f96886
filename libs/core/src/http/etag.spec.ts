import { canonicalJson } from '../cache/read-cache';
import { etagOf, ifNoneMatchHits } from './etag';

describe('ETags', () => {
  const etag = etagOf('{"items":[]}');

  it('are strong and change with the bytes', () => {
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(etagOf('{"items":[1]}')).not.toBe(etag);
  });

  it('match If-None-Match lists, weak forms and *', () => {
    expect(ifNoneMatchHits(etag, etag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits('*', etag)).toBe(true);
    expect(ifNoneMatchHits('"other"', etag)).toBe(false);
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
  });
});

describe('cache keys', () => {
  it('do not depend on field order or on fields left undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe(
      canonicalJson({ a: { d: [2, 1] }, b: 1 }),
    );
    expect(canonicalJson({ a: [2, 1] })).not.toBe(canonicalJson({ a: [1, 2] }));
  });
});
