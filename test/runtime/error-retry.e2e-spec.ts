import { EventBus } from '@botdeck/core';
import { type RuntimeWorld, startRuntimeWorld } from './support/runtime-world';

/**
 * A bot that gave up while something around it was broken (here Discord answering 503) is not
 * left in `error` for ever: the reconciler tries it again after BOT_ERROR_RETRY_MS, without an
 * operator asking. (A refused token stays in `error`; see bot-runtime.e2e-spec.)
 */
describe('Bot runtime: retrying a bot that gave up', () => {
  let world: RuntimeWorld;

  beforeAll(async () => {
    world = await startRuntimeWorld();
    await world.startWorker({ BOT_ERROR_RETRY_MS: '500', BOT_ERROR_RETRY_MAX_MS: '1000' });
  });
  afterAll(() => world?.close());

  it('brings an errored bot back online by itself once the failure has passed', async () => {
    const { id, sandbox } = await world.createBot();
    await world.sandbox.control.injectHttpFault({
      route: 'GET /gateway/bot',
      botUserId: sandbox.userId,
      status: 503,
      count: 1_000,
    });
    const statuses: string[] = [];
    const unsubscribe = await world.api.app.get(EventBus).subscribe('bot.status', (event) => {
      if (event.payload.botId === id) statuses.push(event.payload.status);
    });
    try {
      await world.lifecycle('start', id);
      const errored = await world.waitForStatus(id, ['error'], 30_000);
      expect(errored.statusReason).toMatch(/^gave up after 3 attempts/);

      await world.sandbox.control.clearFaults();
      await world.waitForStatus(id, ['online'], 30_000);
      // Back through a fresh start, with no second request from anyone.
      expect(statuses.slice(statuses.indexOf('error'))).toEqual(
        expect.arrayContaining(['error', 'starting', 'online']),
      );
    } finally {
      unsubscribe();
    }
  });
});
