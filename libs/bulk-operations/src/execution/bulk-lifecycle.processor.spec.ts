import type { EventBus } from '@botdeck/core';
import type { Job } from 'bullmq';
import type {
  BulkOperationsRepository,
  RecordedResult,
} from '../operations/bulk-operations.repository';
import type { BulkItemRunner } from './bulk-item.runner';
import type { BulkLifecycleJob } from './bulk-lifecycle.job';
import { BulkLifecycleProcessor } from './bulk-lifecycle.processor';

const data: BulkLifecycleJob = { operationId: 'op', botId: 'bot', kind: 'start' };
const recorded: RecordedResult = {
  kind: 'start',
  status: 'completed',
  totals: { total: 1, pending: 0, succeeded: 1, failed: 0 },
};

function setup(
  options: { item?: 'pending' | 'succeeded' | 'missing'; recorded?: RecordedResult | null } = {},
) {
  const repository = {
    itemStatus: jest.fn(() => Promise.resolve(options.item ?? 'pending')),
    markRunning: jest.fn(() => Promise.resolve()),
    recordResult: jest.fn(() =>
      Promise.resolve(options.recorded === undefined ? recorded : options.recorded),
    ),
  };
  const runner = { run: jest.fn(() => Promise.resolve({ status: 'succeeded' as const })) };
  const events = { publish: jest.fn(() => Promise.resolve()) };
  const processor = new BulkLifecycleProcessor(
    repository as unknown as BulkOperationsRepository,
    runner as unknown as BulkItemRunner,
    events as unknown as EventBus,
    { concurrency: 1, itemTimeoutMs: 1_000 },
  );
  return { processor, repository, runner, events };
}

const job = (attemptsMade = 0, attempts = 3) =>
  ({ id: 'j', data, attemptsMade, opts: { attempts } }) as unknown as Job<BulkLifecycleJob>;

describe('BulkLifecycleProcessor', () => {
  it('runs a pending item, records it and announces the progress with the item', async () => {
    const { processor, repository, runner, events } = setup();
    await expect(processor.process(job())).resolves.toBe('succeeded');
    expect(repository.markRunning).toHaveBeenCalledWith('op');
    expect(runner.run).toHaveBeenCalledWith('start', 'bot');
    expect(repository.recordResult).toHaveBeenCalledWith('op', 'bot', { status: 'succeeded' });
    expect(events.publish).toHaveBeenCalledWith('operation.progress', {
      operationId: 'op',
      kind: 'start',
      status: 'completed',
      totals: recorded.totals,
      item: { botId: 'bot', status: 'succeeded', errorCode: null },
    });
  });

  it('does nothing for an item that already finished', async () => {
    const { processor, runner, repository } = setup({ item: 'succeeded' });
    await expect(processor.process(job())).resolves.toBe('already finished');
    expect(runner.run).not.toHaveBeenCalled();
    expect(repository.recordResult).not.toHaveBeenCalled();
  });

  it('throws for an item not visible yet, so the job is retried after the commit', async () => {
    const { processor, runner } = setup({ item: 'missing' });
    await expect(processor.process(job())).rejects.toThrow('not found');
    expect(runner.run).not.toHaveBeenCalled();
  });

  it('announces nothing when another run recorded the item first', async () => {
    const { processor, events } = setup({ recorded: null });
    await processor.process(job());
    expect(events.publish).not.toHaveBeenCalled();
  });

  it('fails the item only once the job is out of retries', async () => {
    const { processor, repository } = setup();
    await processor.onFailed(job(1, 3), new Error('database away'));
    expect(repository.recordResult).not.toHaveBeenCalled();
    await processor.onFailed(job(3, 3), new Error('database away'));
    expect(repository.recordResult).toHaveBeenCalledWith('op', 'bot', {
      status: 'failed',
      errorCode: 'BULK_ITEM_FAILED',
      errorMessage: 'database away',
    });
  });
});
