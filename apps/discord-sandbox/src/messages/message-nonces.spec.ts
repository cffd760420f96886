import { MessageNonces } from './message-nonces';

describe('MessageNonces', () => {
  it('finds a nonce per channel and author until the window has passed', () => {
    let now = 1_000;
    const nonces = new MessageNonces(60_000, () => now);
    nonces.remember('c1', 'u1', 'n', 'm1');
    expect(nonces.find('c1', 'u1', 'n')).toBe('m1');
    expect(nonces.find('c1', 'u2', 'n')).toBeUndefined();
    expect(nonces.find('c2', 'u1', 'n')).toBeUndefined();
    now += 59_999;
    expect(nonces.find('c1', 'u1', 'n')).toBe('m1');
    now += 1;
    expect(nonces.find('c1', 'u1', 'n')).toBeUndefined();
  });

  it('treats 7 and "7" as one nonce', () => {
    const nonces = new MessageNonces(60_000);
    nonces.remember('c', 'u', 7, 'm');
    expect(nonces.find('c', 'u', '7')).toBe('m');
  });
});
