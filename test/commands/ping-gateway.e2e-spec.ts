import { CommandsPlugin } from '@botdeck/commands';
import { startSandbox, type RunningSandbox } from '@botdeck/discord-sandbox';
import type { TestingModule } from '@nestjs/testing';
import { eventually } from '../support/eventually';
import { SandboxBot, startCommandsWorker, startSandboxBot } from './support/commands-world';

jest.setTimeout(30_000);

describe('/ping reports the gateway ping once a heartbeat has been acknowledged', () => {
  let worker: TestingModule;
  let sandbox: RunningSandbox;
  let bot: SandboxBot;

  beforeAll(async () => {
    // Heartbeats every 200 ms instead of Discord's ~41 s, so the first ACK comes quickly.
    sandbox = await startSandbox({ rateLimits: false, heartbeatIntervalMs: 200 });
    worker = await startCommandsWorker({
      REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}ping:`,
    });
    bot = await startSandboxBot(worker.get(CommandsPlugin), { sandbox });
  });
  afterAll(async () => {
    await bot?.close();
    await worker?.close();
    await sandbox?.stop();
  });

  it('shows the measured gateway ping, not "not measured yet"', async () => {
    const shard = () => bot.bot.client.ws.shards.first();
    await eventually('a heartbeat ACK', () => {
      if ((shard()?.lastPingTimestamp ?? -1) < 0) throw new Error('no heartbeat ACK yet');
    });
    const played = await bot.play('ping');
    expect(played.response?.content).toMatch(/^Pong! Gateway: \d+ ms$/);
    const state = await bot.sandbox.control.interaction(played.interactionId, {
      waitFor: 'original',
      waitMs: 5_000,
    });
    await eventually('the round trip in the edited reply', async () => {
      const latest = await bot.sandbox.control.interaction(played.interactionId);
      expect(latest.original?.content).toMatch(/^Pong! Gateway: \d+ ms · round trip: \d+ ms$/);
    });
    expect(state.original?.content).not.toContain('not measured yet');
  });
});
