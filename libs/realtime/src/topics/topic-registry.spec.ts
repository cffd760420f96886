import { FORWARDED_EVENTS, mayFollow, parseTopic, roomsFor } from './topic-registry';

const ID = '3f0c6a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6';

describe('parseTopic', () => {
  it('reads plain topics and topics per resource, lower-casing the id', () => {
    expect(parseTopic('bots')).toMatchObject({ ok: true, topic: { room: 'bots', id: null } });
    expect(parseTopic(`bot:${ID.toUpperCase()}`)).toMatchObject({
      ok: true,
      topic: { room: `bot:${ID}`, id: ID },
    });
  });

  it.each([
    ['nope', 'TOPIC_UNKNOWN'],
    ['', 'TOPIC_UNKNOWN'],
    ['toString', 'TOPIC_UNKNOWN'],
    ['__proto__', 'TOPIC_UNKNOWN'],
    [`user:${ID}`, 'TOPIC_UNKNOWN'],
    [`bots:${ID}`, 'TOPIC_UNKNOWN'],
    ['bot:', 'TOPIC_ID_INVALID'],
    ['bot:12', 'TOPIC_ID_INVALID'],
    [`bot:${ID}:x`, 'TOPIC_ID_INVALID'],
    [`bot:${ID}\u0000`, 'TOPIC_ID_INVALID'],
    ['x'.repeat(201), 'TOPIC_UNKNOWN'],
  ])('refuses %j with %s', (raw, code) => {
    expect(parseTopic(raw)).toEqual({ ok: false, code });
  });

  it.each([null, undefined, 1, {}, [], true])(
    'refuses the non-string %j without throwing',
    (raw) => {
      expect(parseTopic(raw)).toEqual({ ok: false, code: 'TOPIC_UNKNOWN' });
    },
  );
});

describe('routing', () => {
  it('sends a bot status to `bots` and to its bot, a command to `commands` and its bot', () => {
    const status = {
      botId: ID,
      name: 'b',
      status: 'online' as const,
      reason: null,
      workerId: null,
    };
    expect(roomsFor('bot.status', status).sort()).toEqual(['bots', `bot:${ID}`].sort());
    const command = { botId: ID } as Parameters<typeof roomsFor<'command.logged'>>[1];
    expect(roomsFor('command.logged', command).sort()).toEqual(['commands', `bot:${ID}`].sort());
  });

  it('forwards every event some topic carries, audit to admins only', () => {
    expect([...FORWARDED_EVENTS].sort()).toEqual(
      [
        'audit.recorded',
        'bot.status',
        'catalog.products.changed',
        'catalog.stock.changed',
        'command.logged',
        'monitoring.snapshot',
        'monitoring.worker',
        'operation.progress',
        'stock-display.changed',
        'stock-display.status',
      ].sort(),
    );
    expect(mayFollow('audit', 'operator')).toBe(false);
    expect(mayFollow('audit', 'admin')).toBe(true);
    expect(mayFollow('bots', 'viewer')).toBe(true);
    expect(mayFollow('bots', 'nobody')).toBe(false);
  });
});
