import type { GatewayConnection } from './gateway-connection';
import { GatewaySession } from './gateway-session';

function fakeConnection(): GatewayConnection & { sent: string[] } {
  const sent: string[] = [];
  return { sent, sendRaw: (frame: string) => sent.push(frame) } as unknown as GatewayConnection & {
    sent: string[];
  };
}

describe('GatewaySession', () => {
  const newSession = () => new GatewaySession('s1', 'bot', 'token', [0, 1], 1);

  it('numbers dispatches and sends them while connected', () => {
    const session = newSession();
    const connection = fakeConnection();
    session.attach(connection);
    session.dispatch('READY', { a: 1 });
    session.dispatch('GUILD_CREATE', { id: 'g' });
    expect(connection.sent.map((f) => JSON.parse(f) as { s: number; t: string })).toEqual([
      { op: 0, t: 'READY', s: 1, d: { a: 1 } },
      { op: 0, t: 'GUILD_CREATE', s: 2, d: { id: 'g' } },
    ]);
  });

  it('buffers what happens while detached and replays exactly what a client missed', () => {
    const session = newSession();
    const connection = fakeConnection();
    session.attach(connection);
    session.dispatch('A', null);
    session.detach(connection, 60_000, () => undefined);
    session.dispatch('B', null);
    session.dispatch('C', null);
    expect(connection.sent).toHaveLength(1);
    expect(session.framesAfter(1)?.map((f) => (JSON.parse(f) as { t: string }).t)).toEqual([
      'B',
      'C',
    ]);
    expect(session.framesAfter(3)).toEqual([]);
    // A sequence from the future cannot be resumed.
    expect(session.framesAfter(4)).toBeNull();
    session.cancelExpiry();
  });

  it('refuses a resume from further back than it still holds', () => {
    const session = newSession();
    for (let i = 0; i < 2100; i++) session.dispatch('X', i);
    expect(session.framesAfter(10)).toBeNull();
    expect(session.framesAfter(2000)).toHaveLength(100);
  });

  it('forgets itself when the resume window passes', () => {
    jest.useFakeTimers();
    try {
      const session = newSession();
      const connection = fakeConnection();
      session.attach(connection);
      const expired = jest.fn();
      session.detach(connection, 1000, expired);
      jest.advanceTimersByTime(999);
      expect(expired).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(expired).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
