import { randomUUID } from 'node:crypto';
import { Operation, sampleValue } from './openapi';

/** mulberry32: a tiny seeded PRNG, so every run sends the same requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One malformed request, ready to send: path and query already percent-encoded. */
export interface Variant {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const forgedCursor = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Values for a JSON body field, as JSON text (some are not expressible as JS values). */
const BODY_VALUES: string[] = [
  'null',
  'true',
  '0',
  '-1',
  '1.5',
  '1e308',
  '-1e308',
  '123456789012345678901234567890',
  '""',
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udfffy"',
  JSON.stringify('x'.repeat(100_000)),
  JSON.stringify('😀'.repeat(1000)),
  '[]',
  '{}',
  '[null]',
  '{"$gt":""}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  JSON.stringify(Array.from({ length: 10_000 }, () => 'a')),
  deep(20),
  deep(40),
  '"\' OR 1=1 --"',
  '"%00"',
];

/** Values for a query parameter, already percent-encoded. */
const QUERY_VALUES: string[] = [
  '%00',
  'a%00b',
  '',
  '%ZZ',
  'x'.repeat(5000),
  '-1',
  '0',
  '1e309',
  'NaN',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '%27%20OR%201%3D1%20--',
  encodeURIComponent(new Date(8.64e15).toISOString()),
  encodeURIComponent('-271821-04-20T00:00:00.000Z'),
];

/** Forged cursors: each decodes to something encodeCursor never writes. */
const CURSORS: string[] = [
  forgedCursor(['-271821-04-20T00:00:00.000Z', randomUUID()]),
  forgedCursor(['+275760-09-13T00:00:00.000Z', randomUUID()]),
  forgedCursor(['2026-01-01T00:00:00.000Z', '\u0000']),
  forgedCursor(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
  forgedCursor(['2026-01-01T00:00:00.000Z', '1'.repeat(40)]),
  forgedCursor([null, null]),
  forgedCursor({ createdAt: 1 }),
  forgedCursor('['.repeat(10_000)),
  forgedCursor('\ud800'),
  'x'.repeat(300),
];

/** Path parameter values, already percent-encoded. */
const PATH_VALUES: string[] = [
  'abc',
  '%00',
  'a%00b',
  'x'.repeat(300),
  '%ZZ',
  '%ED%A0%80',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  randomUUID().toUpperCase(),
  '%27%20OR%201%3D1%20--',
  '..%2F..%2Fetc%2Fpasswd',
  '123456789012345678901234567890',
];

/** Whole bodies that are not what any route expects, with the content type they go with. */
const WHOLE_BODIES: Array<{ label: string; contentType?: string; body?: string }> = [
  { label: 'empty JSON body', contentType: 'application/json', body: '' },
  { label: 'no body at all' },
  { label: 'null body', contentType: 'application/json', body: 'null' },
  { label: 'array body', contentType: 'application/json', body: '[]' },
  { label: 'string body', contentType: 'application/json', body: '"x"' },
  { label: 'number body', contentType: 'application/json', body: '42' },
  { label: 'truncated JSON', contentType: 'application/json', body: '{"a":' },
  { label: 'very deep JSON', contentType: 'application/json', body: deep(100_000) },
  {
    label: 'deep object',
    contentType: 'application/json',
    body: '{"a":'.repeat(500) + '1' + '}'.repeat(500),
  },
  { label: 'JSON with NUL key', contentType: 'application/json', body: '{"\\u0000":1}' },
  { label: 'text/plain body', contentType: 'text/plain', body: '{"a":1}' },
  { label: 'XML body', contentType: 'application/xml', body: '<a>1</a>' },
  { label: 'form body', contentType: 'application/x-www-form-urlencoded', body: 'a=1&a=2&b=%00' },
  { label: 'multipart body', contentType: 'multipart/form-data; boundary=x', body: '--x\r\n\r\n' },
  { label: 'charset latin1', contentType: 'application/json; charset=latin1', body: '{}' },
];

function pick<T>(random: () => number, values: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, values.length)) {
    chosen.add(values[Math.floor(random() * values.length)]);
  }
  return [...chosen];
}

/** Every malformed variant of `op`: one mutation at a time, on an otherwise valid request. */
export function variantsOf(op: Operation, random: () => number): Variant[] {
  const pathValues = Object.fromEntries(
    op.pathParams.map((p) => [p.name, encodeURIComponent(String(sampleValue(p.schema, p.name)))]),
  );
  const buildPath = (overrides: Record<string, string> = {}) =>
    op.template.replace(
      /\{(\w+)\}/g,
      (_m, name: string) => overrides[name] ?? pathValues[name] ?? '',
    );
  const validBody = op.body ? (sampleValue(op.body) as Record<string, unknown>) : undefined;
  const jsonHeaders = { 'content-type': 'application/json' };
  const base = (label: string, extra: Partial<Variant>): Variant => ({
    label: `${op.method} ${op.template}: ${label}`,
    method: op.method,
    path: buildPath(),
    headers: validBody ? jsonHeaders : {},
    body: validBody ? JSON.stringify(validBody) : undefined,
    ...extra,
  });

  const variants: Variant[] = [base('valid-looking request', {})];
  for (const param of op.pathParams) {
    for (const value of pick(random, PATH_VALUES, 6)) {
      variants.push(
        base(`path ${param.name}=${value.slice(0, 40)}`, {
          path: buildPath({ [param.name]: value }),
        }),
      );
    }
  }
  for (const param of op.queryParams) {
    const pool = param.name === 'cursor' ? [...CURSORS, ...QUERY_VALUES] : QUERY_VALUES;
    for (const value of pick(random, pool, param.name === 'cursor' ? 6 : 3)) {
      variants.push(
        base(`query ${param.name}=${value.slice(0, 40)}`, {
          path: `${buildPath()}?${param.name}=${value}`,
        }),
      );
    }
    variants.push(
      base(`query ${param.name} repeated`, {
        path: `${buildPath()}?${param.name}=a&${param.name}=b`,
      }),
    );
  }
  for (const param of op.headerParams) {
    for (const value of ['', ' ', 'x'.repeat(10_000), 'é'.repeat(10)]) {
      variants.push(
        base(`header ${param.name} of ${value.length}`, {
          headers: { ...jsonHeaders, [param.name]: value },
        }),
      );
    }
  }
  if (validBody) {
    for (const field of Object.keys(validBody)) {
      for (const raw of pick(random, BODY_VALUES, 4)) {
        const rest = JSON.stringify({ ...validBody, [field]: 0 }).replace(
          `"${field}":0`,
          `"${field}":${raw}`,
        );
        variants.push(base(`body ${field}=${raw.slice(0, 40)}`, { body: rest }));
      }
    }
    variants.push(base('extra field', { body: JSON.stringify({ ...validBody, extra: 1 }) }));
  }
  if (validBody || op.method === 'POST') {
    for (const whole of WHOLE_BODIES) {
      variants.push(
        base(whole.label, {
          headers: whole.contentType ? { 'content-type': whole.contentType } : {},
          body: whole.body,
        }),
      );
    }
  }
  return variants;
}
