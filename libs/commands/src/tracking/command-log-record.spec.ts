import { CommandLogRecord, mergeBatch, parseRecord } from './command-log-record';

const base: CommandLogRecord = {
  interactionId: '1',
  botId: '6f1c1a56-3b1e-4c47-9a77-0c1f6d0f7a11',
  guildId: '10',
  channelId: '11',
  userId: '12',
  command: 'ping',
  options: {},
  status: 'started',
  errorCode: null,
  durationMs: null,
  deferred: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
};

describe('mergeBatch', () => {
  it('keeps one record per interaction, the ending over the start', () => {
    const end = { ...base, status: 'success' as const, durationMs: 5 };
    expect(mergeBatch([base, end])).toEqual([end]);
  });

  it('keeps the ending when its start arrives later (claimed back from a dead writer)', () => {
    const end = { ...base, status: 'error' as const, errorCode: 'BOOM' };
    expect(mergeBatch([end, base])).toEqual([end]);
  });

  it('keeps the first ending when two arrive', () => {
    const first = { ...base, status: 'success' as const };
    const second = { ...base, status: 'timed_out' as const };
    expect(mergeBatch([first, second])).toEqual([first]);
  });

  it('leaves distinct interactions alone, in order', () => {
    const other = { ...base, interactionId: '2' };
    expect(mergeBatch([base, other]).map((r) => r.interactionId)).toEqual(['1', '2']);
  });
});

describe('parseRecord', () => {
  it('reads a queued record', () => {
    expect(parseRecord(JSON.stringify(base))).toEqual(base);
  });

  it('refuses malformed entries', () => {
    expect(parseRecord('{')).toBeNull();
    expect(parseRecord(JSON.stringify({ ...base, userId: 5 }))).toBeNull();
  });
});
