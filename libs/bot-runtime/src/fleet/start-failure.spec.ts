import { DiscordAPIError } from 'discord.js';
import { classifyStartFailure } from './start-failure';

describe('classifyStartFailure', () => {
  it('treats an invalid token as fatal, however it shows up', () => {
    // What Client#login throws after a 401 on GET /gateway/bot.
    const tokenInvalid = Object.assign(new Error('An invalid token was provided.'), {
      code: 'TokenInvalid',
    });
    expect(classifyStartFailure(tokenInvalid).fatal).toBe(true);
    const unauthorized = new DiscordAPIError(
      { code: 0, message: '401: Unauthorized' },
      0,
      401,
      'GET',
      '/gateway/bot',
      {},
    );
    expect(classifyStartFailure(unauthorized)).toEqual({
      fatal: true,
      reason: 'Discord refused the token (HTTP 401)',
    });
    expect(classifyStartFailure(new Error('Authentication failed')).fatal).toBe(true);
    expect(classifyStartFailure(new Error('whatever'), 4004).reason).toContain('4004');
  });

  it('treats refused or unknown intents as fatal', () => {
    const unknownIntent = Object.assign(
      new RangeError('Invalid bitfield flag or number: Telepathy.'),
      {
        code: 'BitFieldInvalid',
      },
    );
    expect(classifyStartFailure(unknownIntent).fatal).toBe(true);
    expect(classifyStartFailure(new Error('Used disallowed intents')).fatal).toBe(true);
    expect(classifyStartFailure(null, 4014).fatal).toBe(true);
  });

  it('retries network trouble, server errors and timeouts', () => {
    expect(classifyStartFailure(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toEqual({
      fatal: false,
      reason: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    const unavailable = new DiscordAPIError(
      { code: 0, message: '503' },
      0,
      503,
      'GET',
      '/gateway/bot',
      {},
    );
    expect(classifyStartFailure(unavailable).fatal).toBe(false);
    expect(classifyStartFailure(new Error('ready timeout')).fatal).toBe(false);
  });
});
