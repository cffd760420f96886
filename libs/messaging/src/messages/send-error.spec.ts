import { DiscordAPIError, HTTPError } from 'discord.js';
import { classifySendError } from './send-error';

const apiError = (code: number, status: number, message = 'Missing Access') =>
  new DiscordAPIError({ code, message }, code, status, 'POST', '/channels/1/messages', {});

describe('classifySendError', () => {
  it.each([10003, 50001, 50013, 50035])('fails the target alone on Discord code %i', (code) => {
    expect(classifySendError(apiError(code, code === 10003 ? 404 : 403))).toEqual({
      kind: 'permanent',
      code: String(code),
      message: 'Missing Access',
      httpStatus: code === 10003 ? 404 : 403,
    });
  });

  it('retries a 5xx, with or without a JSON body, a 429 given up on, and network errors', () => {
    expect(classifySendError(apiError(0, 502)).kind).toBe('transient');
    expect(classifySendError(apiError(0, 429)).kind).toBe('transient');
    expect(
      classifySendError(new HTTPError(503, 'Service Unavailable', 'POST', '/x', {})).kind,
    ).toBe('transient');
    expect(classifySendError(new Error('socket hang up'))).toEqual({
      kind: 'transient',
      reason: 'socket hang up',
    });
  });
});
