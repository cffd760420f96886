import type { BulkOperation } from '../api/types';
import { applyProgress, fromOperation, percentDone } from './operation-progress';

const totals = (succeeded: number, failed: number, total = 4) => ({
  succeeded,
  failed,
  pending: total - succeeded - failed,
  total,
});

describe('operation progress', () => {
  it('folds item events into totals and per-bot results', () => {
    let view = applyProgress(null, {
      operationId: 'op',
      kind: 'stop',
      status: 'running',
      totals: totals(0, 0),
    });
    view = applyProgress(view, {
      operationId: 'op',
      kind: 'stop',
      status: 'running',
      totals: totals(1, 0),
      item: { botId: 'a', status: 'succeeded', errorCode: null },
    });
    view = applyProgress(view, {
      operationId: 'op',
      kind: 'stop',
      status: 'running',
      totals: totals(1, 1),
      item: { botId: 'b', status: 'failed', errorCode: 'BOT_NOT_FOUND' },
    });
    expect(view.totals).toEqual(totals(1, 1));
    expect(view.items.b).toMatchObject({ status: 'failed', errorCode: 'BOT_NOT_FOUND' });
    expect(percentDone(view.totals)).toBe(50);
  });

  it('never goes backwards when a late snapshot or a duplicate arrives', () => {
    let view = applyProgress(null, {
      operationId: 'op',
      kind: 'start',
      status: 'completed',
      totals: totals(4, 0),
    });
    view = applyProgress(view, {
      operationId: 'op',
      kind: 'start',
      status: 'running',
      totals: totals(2, 0),
    });
    expect(view.status).toBe('completed');
    expect(view.totals).toEqual(totals(4, 0));
    expect(percentDone(view.totals)).toBe(100);
  });

  it('starts from the REST view of the operation, keyed by bot and channel', () => {
    const operation: BulkOperation = {
      id: 'op',
      kind: 'message',
      status: 'running',
      totals: totals(1, 0, 2),
      createdAt: '',
      startedAt: null,
      completedAt: null,
      nextCursor: null,
      selection: {},
      items: [
        {
          botId: 'a',
          channelId: 'c1',
          status: 'succeeded',
          errorCode: null,
          errorMessage: null,
          finishedAt: null,
        },
        {
          botId: 'a',
          channelId: 'c2',
          status: 'pending',
          errorCode: null,
          errorMessage: null,
          finishedAt: null,
        },
      ],
    };
    expect(Object.keys(fromOperation(operation).items)).toEqual(['a/c1', 'a/c2']);
    expect(percentDone({ succeeded: 0, failed: 0, pending: 0, total: 0 })).toBe(100);
  });
});
