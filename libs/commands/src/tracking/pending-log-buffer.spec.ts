import type { CommandLogRecord } from './command-log-record';
import { PendingLogBuffer } from './pending-log-buffer';

const record = (id: string, status: CommandLogRecord['status']): CommandLogRecord => ({
  interactionId: id,
  botId: '00000000-0000-4000-8000-000000000001',
  guildId: null,
  channelId: null,
  userId: '1',
  command: 'ping',
  options: {},
  status,
  errorCode: null,
  durationMs: status === 'started' ? null : 1,
  deferred: false,
  createdAt: new Date(0).toISOString(),
  finishedAt: null,
});

const statuses = (buffer: PendingLogBuffer) =>
  buffer.peek(100).map((entry) => `${entry.interactionId}:${entry.status}`);

describe('PendingLogBuffer', () => {
  it('keeps one entry per interaction, in arrival order, the ending replacing its start', () => {
    const buffer = new PendingLogBuffer(10);
    expect(buffer.add(record('a', 'started'))).toBe('buffered');
    expect(buffer.add(record('b', 'started'))).toBe('buffered');
    expect(buffer.add(record('a', 'success'))).toBe('merged');
    // A late start or a second ending changes nothing.
    expect(buffer.add(record('a', 'started'))).toBe('merged');
    expect(buffer.add(record('a', 'error'))).toBe('merged');
    expect(statuses(buffer)).toEqual(['a:success', 'b:started']);
  });

  it('keeps the oldest past the bound and still takes the ending of one it holds', () => {
    const buffer = new PendingLogBuffer(2);
    buffer.add(record('a', 'started'));
    buffer.add(record('b', 'started'));
    expect(buffer.add(record('c', 'started'))).toBe('dropped');
    expect(buffer.add(record('b', 'success'))).toBe('merged');
    expect(statuses(buffer)).toEqual(['a:started', 'b:success']);
  });

  it('does not release an entry replaced while it was being sent', () => {
    const buffer = new PendingLogBuffer(10);
    buffer.add(record('a', 'started'));
    buffer.add(record('b', 'started'));
    const sending = buffer.peek(2);
    buffer.add(record('a', 'success'));
    expect(buffer.release(sending)).toBe(1);
    expect(statuses(buffer)).toEqual(['a:success']);
  });
});
