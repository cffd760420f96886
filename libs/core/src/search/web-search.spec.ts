import { InvalidSearchQueryError, parseWebSearch } from './web-search';

describe('parseWebSearch', () => {
  it.each([
    ['golden sword', 'golden sword'],
    ['  "golden   sword"  -rusty ', '"golden sword" -rusty'],
    ['shield or apple', 'shield OR apple'],
    ['DISCORD_50013', 'DISCORD_50013'],
    ['-"out of stock" buy', '-"out of stock" buy'],
    ['ünïcödé 日本', 'ünïcödé 日本'],
  ])('reads %j as %j', (raw, normalised) => {
    expect(parseWebSearch(raw)).toBe(normalised);
  });

  it.each([
    ['', 'must contain a word'],
    ['   ', 'must contain a word'],
    ['"open', 'never closed'],
    ['a OR', 'OR without a word'],
    ['OR a', 'OR without a word'],
    ['a OR OR b', 'OR without a word'],
    ['a - b', '"-" with no word'],
    ['-a -b', 'not excluded'],
    ['!!! ...', 'no word to search for'],
    ['"  "', 'no letter or digit'],
    ['x'.repeat(201), 'at most 200'],
    [Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '), 'at most 16'],
    ['a\u0000b', 'NUL'],
    ['a\ud800b', 'unpaired surrogate'],
  ])('refuses %j, naming the parameter', (raw, reason) => {
    expect(() => parseWebSearch(raw, 'search')).toThrow(InvalidSearchQueryError);
    try {
      parseWebSearch(raw, 'search');
    } catch (error) {
      const typed = error as InvalidSearchQueryError;
      expect(typed.code).toBe('INVALID_SEARCH_QUERY');
      expect(typed.message).toContain(reason);
      expect(typed.details).toEqual([{ field: 'search', messages: [expect.any(String)] }]);
    }
  });
});
