import type { Bot } from '../api/types';
import { allTags, applyStatus, filterByTags, pruneSelection } from './fleet';
import { polyline, pushLog } from './live-tail';
import { parseMessage } from './discord-markdown';

const bot = (id: string, tags: string[], status: Bot['status'] = 'stopped') =>
  ({ id, name: id, tags, status, statusReason: null }) as Bot;

describe('fleet helpers', () => {
  const bots = [bot('a', ['eu', 'shop']), bot('b', ['eu']), bot('c', [])];

  it('applies a live status to the right bot only and keeps the list when nothing changed', () => {
    const next = applyStatus(bots, {
      botId: 'b',
      name: 'b',
      status: 'online',
      reason: null,
      workerId: 'w',
    });
    expect(next.map((b) => b.status)).toEqual(['stopped', 'online', 'stopped']);
    expect(
      applyStatus(next, { botId: 'b', name: 'b', status: 'online', reason: null, workerId: 'w' }),
    ).toBe(next);
    expect(
      applyStatus(bots, {
        botId: 'zz',
        name: 'zz',
        status: 'online',
        reason: null,
        workerId: null,
      }),
    ).toBe(bots);
  });

  it('filters by every selected tag and drops hidden bots from the selection', () => {
    expect(allTags(bots)).toEqual(['eu', 'shop']);
    const shown = filterByTags(bots, ['eu', 'shop']);
    expect(shown.map((b) => b.id)).toEqual(['a']);
    expect([...pruneSelection(new Set(['a', 'b']), shown)]).toEqual(['a']);
  });
});

describe('live tail and preview helpers', () => {
  it('keeps one row per interaction, newest first', () => {
    const log = (interactionId: string, status: 'started' | 'success') =>
      ({ interactionId, status, command: 'ping' }) as Parameters<typeof pushLog>[1];
    let rows = pushLog([], log('1', 'started'));
    rows = pushLog(rows, log('2', 'started'));
    rows = pushLog(rows, log('1', 'success'));
    expect(rows.map((r) => `${r.interactionId}:${r.status}`)).toEqual(['1:success', '2:started']);
  });

  it('draws a polyline scaled to the box, skipping gaps', () => {
    expect(polyline([0, null, 10], 100, 50)).toBe('0.0,50.0 100.0,0.0');
  });

  it('parses markdown and marks which mentions would ping', () => {
    const segments = parseMessage('**Sale** today @everyone, see `/shop` <@123>', {
      everyone: false,
      users: true,
      roles: false,
    });
    expect(segments).toEqual([
      { kind: 'bold', text: 'Sale' },
      { kind: 'text', text: ' today ' },
      { kind: 'mention', text: '@everyone', pings: false },
      { kind: 'text', text: ', see ' },
      { kind: 'code', text: '/shop' },
      { kind: 'text', text: ' ' },
      { kind: 'mention', text: '@user 123', pings: true },
    ]);
  });
});
