import type { BotStatus } from '@botdeck/bot-config';
import { AppError } from '@botdeck/core';
import type { BulkOperationsConfig } from '../bulk-operations.config';
import { hashRequest } from '../operations/bulk-operations.service';
import { BulkItemRunner } from './bulk-item.runner';
import type { BulkLifecycle, LifecycleSnapshot } from './bulk-lifecycle.port';

const at = (ms: number) => new Date(1_700_000_000_000 + ms);
const snapshot = (status: BotStatus, ms = 0, reason: string | null = null): LifecycleSnapshot => ({
  status,
  statusReason: reason,
  statusChangedAt: at(ms),
});

/** A lifecycle whose waits answer from a scripted list of states, one per call. */
function lifecycle(requested: LifecycleSnapshot, waits: Array<LifecycleSnapshot | AppError>) {
  const fake = {
    requestStart: jest.fn(() => Promise.resolve(requested)),
    requestStop: jest.fn(() => Promise.resolve(requested)),
    requestRestart: jest.fn(() => Promise.resolve(requested)),
    waitForStatus: jest.fn(() => {
      const next = waits.shift() ?? new AppError('BOT_STATUS_TIMEOUT', 504, 'script ran out');
      return next instanceof AppError ? Promise.reject(next) : Promise.resolve(next);
    }),
  } satisfies BulkLifecycle;
  return fake;
}

const config: BulkOperationsConfig = { concurrency: 1, itemTimeoutMs: 2_000 };

describe('BulkItemRunner', () => {
  it('succeeds a start once the bot is online and asks for online or error', async () => {
    const fake = lifecycle(snapshot('stopped'), [snapshot('online', 10)]);
    await expect(new BulkItemRunner(fake, config).run('start', 'b1')).resolves.toEqual({
      status: 'succeeded',
    });
    expect(fake.requestStart).toHaveBeenCalledWith('b1');
    expect(fake.waitForStatus).toHaveBeenCalledWith('b1', ['online', 'error'], expect.any(Number));
  });

  it('fails a start that ends in error with the reason', async () => {
    const fake = lifecycle(snapshot('stopped'), [snapshot('error', 10, 'token refused')]);
    await expect(new BulkItemRunner(fake, config).run('start', 'b1')).resolves.toEqual({
      status: 'failed',
      errorCode: 'BOT_START_FAILED',
      errorMessage: 'token refused',
    });
  });

  it('does not take an old error for the outcome of a new start', async () => {
    const fake = lifecycle(snapshot('error', 0), [snapshot('error', 0), snapshot('online', 20)]);
    await expect(new BulkItemRunner(fake, config).run('start', 'b1')).resolves.toEqual({
      status: 'succeeded',
    });
    expect(fake.waitForStatus).toHaveBeenCalledTimes(2);
  });

  it('waits for a restart to happen rather than counting the bot online already', async () => {
    const fake = lifecycle(snapshot('online', 0), [snapshot('online', 0), snapshot('online', 50)]);
    await expect(new BulkItemRunner(fake, config).run('restart', 'b1')).resolves.toEqual({
      status: 'succeeded',
    });
    expect(fake.requestRestart).toHaveBeenCalledWith('b1');
    expect(fake.waitForStatus).toHaveBeenCalledTimes(2);
  });

  it('names the timeout after the kind and passes other runtime codes through', async () => {
    const timeout = new AppError('BOT_STATUS_TIMEOUT', 504, 'too slow');
    const stop = lifecycle(snapshot('online'), [timeout]);
    await expect(new BulkItemRunner(stop, config).run('stop', 'b1')).resolves.toMatchObject({
      status: 'failed',
      errorCode: 'BOT_STOP_TIMEOUT',
    });
    expect(stop.waitForStatus).toHaveBeenCalledWith('b1', ['stopped', 'error'], expect.any(Number));

    const gone = lifecycle(snapshot('online'), []);
    gone.requestStart.mockRejectedValueOnce(new AppError('BOT_NOT_FOUND', 404, 'gone'));
    await expect(new BulkItemRunner(gone, config).run('start', 'b1')).resolves.toMatchObject({
      status: 'failed',
      errorCode: 'BOT_NOT_FOUND',
    });
  });

  it('gives up on a restart that never happens when the time runs out', async () => {
    const stale = snapshot('online', 0);
    const fake = lifecycle(
      stale,
      Array.from({ length: 100 }, () => stale),
    );
    const runner = new BulkItemRunner(fake, { concurrency: 1, itemTimeoutMs: 300 });
    await expect(runner.run('restart', 'b1')).resolves.toMatchObject({
      status: 'failed',
      errorCode: 'BOT_RESTART_TIMEOUT',
    });
  });

  it('counts a bot in error as stopped: it is not running', async () => {
    const fake = lifecycle(snapshot('error', 0, 'token refused'), [snapshot('error', 0)]);
    await expect(new BulkItemRunner(fake, config).run('stop', 'b1')).resolves.toEqual({
      status: 'succeeded',
    });
    expect(fake.waitForStatus).toHaveBeenCalledTimes(1);
  });

  it('rethrows unexpected errors so the job is retried', async () => {
    const fake = lifecycle(snapshot('stopped'), []);
    fake.requestStart.mockRejectedValueOnce(new Error('connection reset'));
    await expect(new BulkItemRunner(fake, config).run('start', 'b1')).rejects.toThrow(
      'connection reset',
    );
  });
});

describe('hashRequest', () => {
  it('ignores order but not kind, ids or the way bots are named', () => {
    const a = hashRequest('start', { botIds: ['x', 'y'] });
    expect(hashRequest('start', { botIds: ['y', 'x'] })).toBe(a);
    expect(hashRequest('stop', { botIds: ['x', 'y'] })).not.toBe(a);
    expect(hashRequest('start', { botIds: ['x'] })).not.toBe(a);
    expect(hashRequest('start', { tags: ['x', 'y'] })).not.toBe(a);
  });
});
