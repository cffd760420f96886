import type { BotStatusEvent } from '@botdeck/bot-config';
import type { OperationProgressEvent } from '@botdeck/bulk-operations';
import type { CommandLoggedEvent } from '@botdeck/commands';
import type { TopicSnapshot } from '@botdeck/realtime';
import request from 'supertest';
import { startApi, type TestApi } from '../support/api';
import { authHeader } from '../support/auth';
import { sleep } from '../support/eventually';
import { type RuntimeWorld, startRuntimeWorld } from '../runtime/support/runtime-world';
import { connect, type RealtimeClient } from './support/realtime-client';

jest.setTimeout(60_000);

const PLAYER = { id: '200000000000000011', username: 'realtime-player' };
/** Long enough for a duplicate sent through another instance to have arrived too. */
const DUPLICATE_WINDOW_MS = 300;

/**
 * Two API instances and two workers on one Redis: every event, whichever process produced it,
 * reaches each subscribed client once, whichever instance the client is connected to.
 */
describe('realtime: bus events reach dashboards on every API instance exactly once', () => {
  let world: RuntimeWorld;
  let second: TestApi;
  let one: RealtimeClient;
  let two: RealtimeClient;
  let bot: { id: string; applicationId: string };

  beforeAll(async () => {
    world = await startRuntimeWorld();
    second = await startApi();
    await Promise.all([world.startWorker(), world.startWorker()]);
    [one, two] = await Promise.all([
      connect(world.api.url, world.operator),
      connect(second.url, world.operator),
    ]);
    const created = await world.createBot();
    bot = { id: created.id, applicationId: created.sandbox.applicationId };
  });
  afterAll(async () => {
    one?.close();
    two?.close();
    await second?.close();
    await world?.close();
  });

  const statusesOf = (client: RealtimeClient, botId: string) =>
    client
      .events<BotStatusEvent>('bot.status')
      .filter((event) => event.botId === botId)
      .map((event) => event.status);

  it('shows a bot started over REST going starting → online on bot:{id}, after a snapshot', async () => {
    for (const client of [one, two]) {
      // Both topics carry the bot's status: the client still gets each change once.
      await expect(client.subscribe(['bots', `bot:${bot.id}`])).resolves.toEqual({
        subscribed: ['bots', `bot:${bot.id}`],
        denied: [],
      });
    }
    const snapshot = await one.waitFor<TopicSnapshot>(
      'snapshot',
      (s) => s.topic === `bot:${bot.id}`,
    );
    expect(snapshot).toMatchObject({ bot: { botId: bot.id, status: 'stopped' } });
    const fleet = await one.waitFor<TopicSnapshot>('snapshot', (s) => s.topic === 'bots');
    expect(fleet).toMatchObject({
      truncated: false,
      bots: [expect.objectContaining({ botId: bot.id, status: 'stopped' })],
    });

    // Asked of the second instance; the bot runs on whichever worker claims it.
    await request(second.url)
      .post(`/api/v1/bots/${bot.id}/start`)
      .set(authHeader(world.operator))
      .expect(202);
    for (const client of [one, two]) {
      await client.waitFor<BotStatusEvent>(
        'bot.status',
        (event) => event.botId === bot.id && event.status === 'online',
      );
    }
    await sleep(DUPLICATE_WINDOW_MS);
    expect(statusesOf(one, bot.id)).toEqual(['starting', 'online']);
    expect(statusesOf(two, bot.id)).toEqual(['starting', 'online']);
  });

  it('delivers a /ping played in the sandbox on commands, once per client', async () => {
    await two.subscribe(['commands']);
    // `one` follows bot:{id}, which carries the bot's commands too.
    const channelId = await world.sandbox.control.createChannel(world.guildId, 'realtime');
    const played = await world.sandbox.control.playInteraction({
      applicationId: bot.applicationId,
      guildId: world.guildId,
      channelId,
      user: PLAYER,
      command: 'ping',
    });
    expect(played.delivered).toBe(true);
    const mine = (event: CommandLoggedEvent) => event.interactionId === played.interactionId;
    for (const client of [one, two]) {
      await expect(
        client.waitFor<CommandLoggedEvent>('command.logged', mine),
      ).resolves.toMatchObject({
        botId: bot.id,
        command: 'ping',
        status: 'success',
        userId: PLAYER.id,
        channelId,
      });
    }
    await sleep(DUPLICATE_WINDOW_MS);
    expect(one.events<CommandLoggedEvent>('command.logged').filter(mine)).toHaveLength(1);
    expect(two.events<CommandLoggedEvent>('command.logged').filter(mine)).toHaveLength(1);
  });

  it('follows a bulk start on operation:{id} until it completes', async () => {
    const bots = await Promise.all([world.createBot(), world.createBot()]);
    await two.subscribe(['operations']);
    const res = await request(world.api.url)
      .post('/api/v1/bulk/bots/start')
      .set(authHeader(world.operator))
      .send({ botIds: bots.map((b) => b.id) })
      .expect(202);
    const operationId = (res.body as { operationId: string }).operationId;
    await expect(one.subscribe([`operation:${operationId}`])).resolves.toMatchObject({
      subscribed: [`operation:${operationId}`],
    });
    // The snapshot gives the totals as they stand when the subscription starts.
    const snapshot = await one.waitFor<TopicSnapshot>(
      'snapshot',
      (s) => s.topic === `operation:${operationId}`,
    );
    expect(snapshot).toMatchObject({
      operation: { operationId, kind: 'start', totals: { total: 2 } },
    });

    const progressOf = (client: RealtimeClient) =>
      client
        .events<OperationProgressEvent>('operation.progress')
        .filter((event) => event.operationId === operationId);
    const done = (event: OperationProgressEvent) =>
      event.operationId === operationId && event.status === 'completed';
    if (!('operation' in snapshot)) throw new Error('not an operation snapshot');
    const settled = snapshot.operation.status === 'completed';
    if (!settled) await one.waitFor('operation.progress', done, 20_000);
    await two.waitFor('operation.progress', done, 20_000);
    await sleep(DUPLICATE_WINDOW_MS);

    // Every step once, in order: created with 2 pending, then one event per finished bot.
    expect(progressOf(two).map((event) => event.totals)).toEqual([
      { total: 2, pending: 2, succeeded: 0, failed: 0 },
      { total: 2, pending: 1, succeeded: 1, failed: 0 },
      { total: 2, pending: 0, succeeded: 2, failed: 0 },
    ]);
    const seenByOne = progressOf(one).map((event) => event.totals.pending);
    expect(seenByOne).toEqual([...new Set(seenByOne)]);
    expect([snapshot.operation.totals.pending, ...seenByOne].at(-1)).toBe(0);
  });
});
