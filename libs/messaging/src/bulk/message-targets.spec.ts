import { ValidationFailedError } from '@botdeck/core';
import { DuplicateTargetError, TooManyTargetsError } from '../messaging.errors';
import type { BulkMessagesDto } from './dto/bulk-messages.dto';
import { deliveriesFor, planTargets } from './message-targets';

const body = (fields: Partial<BulkMessagesDto>) => ({ content: 'x', ...fields }) as BulkMessagesDto;

describe('message targets', () => {
  it('takes targets alone, or bots with channels or every text channel', () => {
    expect(planTargets(body({ targets: [{ botId: 'a', channelId: '1' }] }))).toEqual({
      explicit: [{ botId: 'a', channelId: '1' }],
    });
    expect(planTargets(body({ tags: ['eu'], everyTextChannel: true }))).toEqual({
      bots: { tags: ['eu'] },
      channels: 'everyText',
    });
    for (const wrong of [
      {},
      { botIds: ['a'] },
      { botIds: ['a'], tags: ['eu'], channelIds: ['1'] },
      { targets: [{ botId: 'a', channelId: '1' }], channelIds: ['1'] },
    ]) {
      expect(() => planTargets(body(wrong))).toThrow(ValidationFailedError);
    }
    const repeated = { botId: 'a', channelId: '1' };
    expect(() => planTargets(body({ targets: [repeated, { ...repeated }] }))).toThrow(
      DuplicateTargetError,
    );
  });

  it('crosses bots with channels in order, failing unknown bots at once', () => {
    const plan = planTargets(body({ botIds: ['a', 'b'], channelIds: ['1', '2'] }));
    expect(deliveriesFor(plan, ['a', 'b'], new Set(['b']))).toEqual([
      {
        botId: 'a',
        channelId: '1',
        failure: { code: 'BOT_NOT_FOUND', message: 'Bot a not found' },
      },
      {
        botId: 'a',
        channelId: '2',
        failure: { code: 'BOT_NOT_FOUND', message: 'Bot a not found' },
      },
      { botId: 'b', channelId: '1' },
      { botId: 'b', channelId: '2' },
    ]);
    const every = planTargets(body({ botIds: ['a'], everyTextChannel: true }));
    expect(deliveriesFor(every, ['a'], new Set(['a']))).toEqual([{ botId: 'a', channelId: null }]);
  });

  it('refuses more than 10 000 targets', () => {
    const plan = planTargets(
      body({
        botIds: Array.from({ length: 101 }, (_, n) => `bot-${n}`),
        channelIds: Array.from({ length: 100 }, (_, n) => `${n}`),
      }),
    );
    expect(() =>
      deliveriesFor(plan, (plan as { bots: { botIds: string[] } }).bots.botIds, new Set()),
    ).toThrow(TooManyTargetsError);
  });
});
