import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursor', () => {
  it('round-trips a keyset position', () => {
    const position = {
      createdAt: new Date('2026-01-02T03:04:05.678Z'),
      id: 'b5f0c1de-0000-4000-8000-000000000001',
    };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{}').toString('base64url'),
    forge(['-271821-04-20T00:00:00.000Z', 'b5f0c1de-0000-4000-8000-000000000001']),
    forge(['0000-01-01T00:00:00.000Z', 'b5f0c1de-0000-4000-8000-000000000001']),
    forge(['2026-02-30T00:00:00.000Z', 'b5f0c1de-0000-4000-8000-000000000001']),
    forge(['2026-01-02T03:04:05.678Z', '\u0000']),
    forge(['2026-01-02T03:04:05.678Z', 'not-a-uuid']),
    forge(['2026-01-02T03:04:05.678Z', 'b5f0c1de-0000-4000-8000-000000000001', 3]),
  ])('rejects a forged cursor %p with INVALID_CURSOR', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });

  it('takes snowflake ids where the table has them, and only there', () => {
    const cursor = forge(['2026-01-02T03:04:05.678Z', '1098765432109876543']);
    expect(decodeCursor(cursor, 'snowflake').id).toBe('1098765432109876543');
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });
});
