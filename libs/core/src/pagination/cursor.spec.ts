import { ValidationFailedError } from '../errors/app-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips a keyset position', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: 'b5f0…' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{}').toString('base64url'),
  ])('rejects a forged cursor %p as a validation error', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ValidationFailedError);
  });
});
