import type { BotStatus } from '@botdeck/bot-config';
import { itemOutcome, timedOut } from './bulk-item-outcome';

const seen = (status: BotStatus, sinceRequest = true) => ({
  status,
  reason: status === 'error' ? 'token refused' : null,
  sinceRequest,
});

describe('itemOutcome', () => {
  it('succeeds a start on online, even one that was online before the request', () => {
    expect(itemOutcome('start', seen('online'))).toEqual({ status: 'succeeded' });
    expect(itemOutcome('start', seen('online', false))).toEqual({ status: 'succeeded' });
  });

  it('waits for a restart until an online reached after the request', () => {
    expect(itemOutcome('restart', seen('online', false))).toBeNull();
    expect(itemOutcome('restart', seen('online'))).toEqual({ status: 'succeeded' });
  });

  it('fails on an error reached after the request, not on the one the request retries', () => {
    expect(itemOutcome('start', seen('error', false))).toBeNull();
    expect(itemOutcome('start', seen('error'))).toEqual({
      status: 'failed',
      errorCode: 'BOT_START_FAILED',
      errorMessage: 'token refused',
    });
    expect(itemOutcome('restart', seen('error'))?.errorCode).toBe('BOT_RESTART_FAILED');
  });

  it('counts stopped and error as stopped, and settles nothing on starting or unknown', () => {
    expect(itemOutcome('stop', seen('stopped', false))).toEqual({ status: 'succeeded' });
    expect(itemOutcome('stop', seen('error', false))).toEqual({ status: 'succeeded' });
    expect(itemOutcome('stop', seen('online'))).toBeNull();
    expect(itemOutcome('start', seen('starting'))).toBeNull();
    expect(itemOutcome('start', seen('unknown'))).toBeNull();
  });

  it('names the kind and the last status when an item times out', () => {
    expect(timedOut('stop', 'b1', seen('online'))).toEqual({
      status: 'failed',
      errorCode: 'BOT_STOP_TIMEOUT',
      errorMessage: 'Bot b1 did not reach stopped in time (it is online)',
    });
  });
});
