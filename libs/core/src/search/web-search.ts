import { BadRequestError } from '../errors/app-error';
import { CORE_ERRORS } from '../errors/core.errors';
import { isUnsafeText } from '../http/unsafe-text';

/** Longest `q` accepted, in characters. */
export const MAX_SEARCH_QUERY_LENGTH = 200;
/** Most words and phrases in one `q` (each one is an index lookup). */
export const MAX_SEARCH_TERMS = 16;

/** A `q` PostgreSQL would take but that cannot mean what its author wants: 400 naming it. */
export class InvalidSearchQueryError extends BadRequestError {
  constructor(field: string, reason: string) {
    super(CORE_ERRORS.INVALID_SEARCH_QUERY, `${field} is not a valid search: ${reason}`, [
      { field, messages: [`${field} ${reason}`] },
    ]);
  }
}

type Term = { kind: 'or' } | { kind: 'word' | 'phrase'; text: string; negated: boolean };

// What the `simple` text search parser turns into a lexeme: letters (any script) or digits.
const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * Checks a query in web-search syntax — words, `"phrases"`, `OR`, `-exclusion` — and returns
 * it normalised for PostgreSQL's `websearch_to_tsquery`. That function never fails: it
 * silently drops what it cannot read, so an unclosed quote or a dangling `OR` would quietly
 * search for something else. Refusing them here tells the user instead. One grammar for every
 * door that takes a `q` (command logs, audit, the search box), so they all agree.
 */
export function parseWebSearch(raw: string, field = 'q'): string {
  if (isUnsafeText(raw)) {
    throw new InvalidSearchQueryError(
      field,
      'must not contain a NUL byte or an unpaired surrogate',
    );
  }
  if (raw.length > MAX_SEARCH_QUERY_LENGTH) {
    throw new InvalidSearchQueryError(
      field,
      `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`,
    );
  }
  const terms = tokenize(raw, field);
  if (terms.length === 0)
    throw new InvalidSearchQueryError(field, 'must contain a word to search for');
  if (terms.filter((term) => term.kind !== 'or').length > MAX_SEARCH_TERMS) {
    throw new InvalidSearchQueryError(
      field,
      `must have at most ${MAX_SEARCH_TERMS} words or phrases`,
    );
  }
  terms.forEach((term, index) => {
    if (term.kind !== 'or') return;
    const before = terms[index - 1];
    const after = terms[index + 1];
    if (!before || !after || before.kind === 'or' || after.kind === 'or') {
      throw new InvalidSearchQueryError(field, 'has an OR without a word on both sides');
    }
  });
  if (!terms.some((term) => term.kind !== 'or' && !term.negated)) {
    // `-word` alone would have to read every row that lacks the word.
    throw new InvalidSearchQueryError(field, 'needs at least one word that is not excluded');
  }
  return terms
    .map((term) => {
      if (term.kind === 'or') return 'OR';
      const text = term.kind === 'phrase' ? `"${term.text}"` : term.text;
      return term.negated ? `-${text}` : text;
    })
    .join(' ');
}

function tokenize(raw: string, field: string): Term[] {
  const terms: Term[] = [];
  let index = 0;
  while (index < raw.length) {
    const char = raw[index];
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    let negated = false;
    if (char === '-') {
      negated = true;
      index += 1;
      if (index >= raw.length || /\s/.test(raw[index])) {
        throw new InvalidSearchQueryError(field, 'has a "-" with no word after it');
      }
    }
    if (raw[index] === '"') {
      const end = raw.indexOf('"', index + 1);
      if (end < 0) throw new InvalidSearchQueryError(field, 'has a quote that is never closed');
      const text = raw
        .slice(index + 1, end)
        .trim()
        .replace(/\s+/g, ' ');
      if (!SEARCHABLE.test(text)) {
        throw new InvalidSearchQueryError(field, 'has a phrase with no letter or digit in it');
      }
      terms.push({ kind: 'phrase', text, negated });
      index = end + 1;
      continue;
    }
    let end = index;
    while (end < raw.length && !/\s/.test(raw[end]) && raw[end] !== '"') end += 1;
    const text = raw.slice(index, end);
    index = end;
    if (!negated && text.toLowerCase() === 'or') {
      terms.push({ kind: 'or' });
      continue;
    }
    // Punctuation alone is no word: PostgreSQL would drop it (and an `OR` beside it).
    if (!SEARCHABLE.test(text)) {
      throw new InvalidSearchQueryError(field, `has "${text}", which is no word to search for`);
    }
    terms.push({ kind: 'word', text, negated });
  }
  return terms;
}
