import type { TokenPair } from '../api/types';
import { Session, type SessionTransport } from './session';

function pair(n: number, role: TokenPair['user']['role'] = 'operator'): TokenPair {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresIn: 900,
    refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    tokenType: 'Bearer',
    user: {
      id: 'u1',
      email: 'op@example.com',
      role,
      disabled: false,
      createdAt: '',
      updatedAt: '',
    },
  };
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
    map,
  };
}

describe('Session', () => {
  let issued: number;
  let presented: string[];
  let transport: SessionTransport;
  let storage: ReturnType<typeof memoryStorage>;

  beforeEach(() => {
    jest.useFakeTimers();
    issued = 0;
    presented = [];
    storage = memoryStorage();
    transport = {
      login: jest.fn(() => Promise.resolve(pair(++issued))),
      refresh: jest.fn((token: string) => {
        presented.push(token);
        // The API revokes a refresh token once used: presenting it again is refused.
        if (token !== `refresh-${issued}`) return Promise.reject(new Error('SESSION_REVOKED'));
        return Promise.resolve(pair(++issued));
      }),
      logout: jest.fn(() => Promise.resolve()),
    };
  });

  afterEach(() => jest.useRealTimers());

  it('rotates the refresh token on every refresh and keeps only the newest', async () => {
    const session = new Session(transport, storage);
    await session.login('op@example.com', 'secret');
    expect(session.current.accessToken).toBe('access-1');
    await session.refresh();
    await session.refresh();
    expect(presented).toEqual(['refresh-1', 'refresh-2']);
    expect(session.current.accessToken).toBe('access-3');
    expect(storage.map.get('botdeck.refreshToken')).toBe('refresh-3');
  });

  it('shares one rotation between concurrent callers, so none presents a revoked token', async () => {
    const session = new Session(transport, storage);
    await session.login('op@example.com', 'secret');
    await Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    expect(presented).toEqual(['refresh-1']);
    expect(session.current.user?.role).toBe('operator');
  });

  it('refreshes by itself before the access token expires', async () => {
    const session = new Session(transport, storage);
    await session.login('op@example.com', 'secret');
    await jest.advanceTimersByTimeAsync(900_000 * 0.8 + 10);
    expect(presented).toEqual(['refresh-1']);
    expect(session.current.accessToken).toBe('access-2');
  });

  it('signs out when the refresh token is refused, and on restore with a stale token', async () => {
    storage.setItem('botdeck.refreshToken', 'refresh-0-stale');
    const session = new Session(transport, storage);
    const states: (string | null)[] = [];
    session.subscribe((state) => states.push(state.accessToken));
    await session.restore();
    expect(session.current.user).toBeNull();
    expect(session.current.restoring).toBe(false);
    expect(storage.map.has('botdeck.refreshToken')).toBe(false);
    await expect(session.refresh()).rejects.toThrow('Not signed in');
  });

  it('signs out locally and revokes the refresh token at the API', async () => {
    const session = new Session(transport, storage);
    await session.login('op@example.com', 'secret');
    await session.logout();
    expect(transport.logout).toHaveBeenCalledWith('refresh-1');
    expect(session.current.accessToken).toBeNull();
    expect(storage.map.size).toBe(0);
  });
});
