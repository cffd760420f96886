import type { CommandLogDto } from '@botdeck/commands';
import request from 'supertest';
import { authHeader } from '../support/auth';
import { until } from '../support/eventually';
import { RuntimeWorld, startRuntimeWorld } from '../runtime/support/runtime-world';

jest.setTimeout(60_000);

const PLAYER = { id: '200000000000000002', username: 'fleet-player' };

describe('scenario: a Botdeck-managed bot serves /ping and the command shows up in the logs', () => {
  let world: RuntimeWorld;

  beforeAll(async () => {
    world = await startRuntimeWorld();
    await world.startWorker();
  });
  afterAll(() => world?.close());

  it('create → start → online → /ping → reply → log with duration', async () => {
    const bot = await world.createBot();
    await world.lifecycle('start', bot.id);
    await expect(world.waitForStatus(bot.id, ['online'])).resolves.toMatchObject({
      status: 'online',
    });

    // Online means the plugins are ready: the commands are registered with the bot's app.
    const channelId = await world.sandbox.control.createChannel(world.guildId, 'commands');
    const played = await world.sandbox.control.playInteraction({
      applicationId: bot.sandbox.applicationId,
      guildId: world.guildId,
      channelId,
      user: PLAYER,
      command: 'ping',
    });
    expect(played.delivered).toBe(true);
    expect(played.response?.content).toMatch(/^Pong! Gateway: /);

    const log = await until(
      'the final log of the played /ping',
      async () => {
        const res = await request(world.api.url)
          .get('/api/v1/logs/recent?limit=10')
          .set(authHeader(world.operator))
          .expect(200);
        return (res.body as CommandLogDto[]).find(
          (entry) => entry.interactionId === played.interactionId && entry.status !== 'started',
        );
      },
      (found) => found !== undefined,
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    expect(log).toMatchObject({
      botId: bot.id,
      command: 'ping',
      status: 'success',
      userId: PLAYER.id,
      guildId: world.guildId,
      channelId,
    });
    expect(log!.durationMs).toEqual(expect.any(Number));
  });
});
