import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { logRedisOutages } from './redis-outage-log';

describe('logRedisOutages', () => {
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('reports each outage once when it starts and once when the client is ready again', () => {
    const client = logRedisOutages(new EventEmitter(), 'botdeck');
    client.emit('ready');
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();

    for (let attempt = 0; attempt < 20; attempt += 1) {
      client.emit(
        'error',
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      );
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][1]).toMatch(/^Redis unavailable for botdeck;/);

    client.emit('ready');
    client.emit('ready');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/^Redis available again for botdeck after \d+ ms$/);

    client.emit('error', new Error('Connection is closed.'));
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('keeps an unanswered error event from throwing', () => {
    const client = logRedisOutages(new EventEmitter(), 'botdeck');
    expect(() => client.emit('error', new Error('boom'))).not.toThrow();
  });
});
