import type { BotStatusEvent } from '@botdeck/bot-config';
import { BotLifecycleService, leaseKey } from '@botdeck/bot-runtime';
import { EventBus } from '@botdeck/core';
import type { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { authHeader } from '../support/auth';
import { until } from '../support/eventually';
import { type RuntimeWorld, startRuntimeWorld } from './support/runtime-world';

/** One worker in this process runs real discord.js clients against the sandbox. */
describe('Bot runtime: one worker', () => {
  let world: RuntimeWorld;
  let worker: INestApplicationContext;
  let redis: Redis;

  beforeAll(async () => {
    // Short heartbeats so a zombie connection is noticed within a second or two.
    world = await startRuntimeWorld({ heartbeatIntervalMs: 1_000 });
    worker = await world.startWorker();
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      keyPrefix: world.env.REDIS_KEY_PREFIX,
    });
  });
  afterAll(async () => {
    redis?.disconnect();
    await world?.close();
  });

  /** The status is written before the lease goes, so the release may trail it a little. */
  const leaseHolderOnceReleased = (botId: string) =>
    until(
      `the lease of ${botId} released`,
      () => redis.get(leaseKey(botId)),
      (holder) => holder === null,
      { timeoutMs: 1_000 },
    );

  it('validates, starts, brings the bot online on its own client, and stops it', async () => {
    const { id, sandbox } = await world.createBot();
    const validated = await request(world.api.url)
      .post(`/api/v1/bots/${id}/validate`)
      .set(authHeader(world.operator))
      .expect(200);
    expect(validated.body).toMatchObject({
      applicationId: sandbox.applicationId,
      botUserId: sandbox.userId,
    });
    const events: BotStatusEvent[] = [];
    const unsubscribe = await world.api.app
      .get(EventBus)
      .subscribe('bot.status', (event) => void events.push(event.payload));
    const accepted = await world.lifecycle('start', id);
    expect(accepted.desiredState).toBe('running');
    const online = await world.waitForStatus(id, ['online']);
    expect(online.statusReason).toBeNull();
    expect((await world.connectedSessions()).get(sandbox.userId)).toBe(1);
    const holder = await redis.get(leaseKey(id));
    expect(holder).toMatch(/-\d+-[0-9a-f]{6}$/);

    await world.lifecycle('stop', id);
    const stopped = await world.waitForStatus(id, ['stopped']);
    expect(stopped.statusReason).toBe('stop requested');
    expect((await world.connectedSessions()).get(sandbox.userId)).toBeUndefined();
    expect(await leaseHolderOnceReleased(id)).toBeNull();

    // Every change was announced in order; the holder is named while the bot runs.
    await sleep(100);
    unsubscribe();
    const mine = events.filter((event) => event.botId === id);
    expect(mine.map((event) => event.status)).toEqual(['starting', 'online', 'stopped']);
    expect(mine[1].workerId).toBe(holder);
    expect(mine[2]).toMatchObject({ reason: 'stop requested', workerId: null });
  });

  it('starts an unvalidated bot and fills its identity from READY', async () => {
    const { id, sandbox } = await world.createBot();
    await world.lifecycle('start', id);
    await world.waitForStatus(id, ['online']);
    const bot = await request(world.api.url)
      .get(`/api/v1/bots/${id}`)
      .set(authHeader(world.operator))
      .expect(200);
    expect(bot.body).toMatchObject({
      applicationId: sandbox.applicationId,
      botUserId: sandbox.userId,
      status: 'online',
    });
    await world.lifecycle('stop', id);
    await world.waitForStatus(id, ['stopped']);
  });

  it('puts a bot with a bad token in error with a reason after a handful of login attempts', async () => {
    const gatewayCalls = async () =>
      (await world.sandbox.control.stats()).http.routes
        .filter((route) => route.route === 'GET /gateway/bot' && route.botUserId === 'anonymous')
        .reduce((sum, route) => sum + route.requests, 0);
    const before = await gatewayCalls();
    const { id } = await world.createBot({
      token: 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.not-a-sandbox-token-at-all',
    });
    await world.lifecycle('start', id);
    const errored = await world.waitForStatus(id, ['error']);
    expect(errored.statusReason).toMatch(/token/i);
    // No retry storm: one refused login, and nothing more while the bot sits in error.
    await sleep(1_500);
    const attempts = (await gatewayCalls()) - before;
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(3);
    expect((await world.api.app.get(BotLifecycleService).getState(id)).status).toBe('error');
  });

  it('retries a failing login with backoff, gives up in error, and starts again only when asked', async () => {
    const { id, sandbox } = await world.createBot();
    // Every GET /gateway/bot of this bot fails with 503 (the REST client retries each, too).
    await world.sandbox.control.injectHttpFault({
      route: 'GET /gateway/bot',
      botUserId: sandbox.userId,
      status: 503,
      count: 1_000,
    });
    const reasons: string[] = [];
    const unsubscribe = await world.api.app.get(EventBus).subscribe('bot.status', (event) => {
      if (event.payload.botId === id)
        reasons.push(`${event.payload.status}: ${event.payload.reason}`);
    });
    await world.lifecycle('start', id);
    const errored = await world.waitForStatus(id, ['error'], 30_000);
    unsubscribe();
    expect(errored.statusReason).toMatch(/^gave up after 3 attempts/);
    expect(
      reasons.filter((reason) => /^starting: attempt \d failed: .*; retrying in/.test(reason)),
    ).toHaveLength(2);

    // An errored bot stays put until an operator asks again.
    await world.sandbox.control.clearFaults();
    await sleep(1_000);
    expect((await world.api.app.get(BotLifecycleService).getState(id)).status).toBe('error');
    await world.lifecycle('start', id);
    await world.waitForStatus(id, ['online']);
    await world.lifecycle('stop', id);
    await world.waitForStatus(id, ['stopped']);
  });

  it('reports reconnecting when the gateway stops acking heartbeats, then online again', async () => {
    const { id, sandbox } = await world.createBot();
    await world.lifecycle('start', id);
    await world.waitForStatus(id, ['online']);
    await world.sandbox.control.setHeartbeatAcks(sandbox.userId, false);
    const reconnecting = await world.waitForStatus(id, ['reconnecting'], 10_000);
    expect(reconnecting.statusReason).toBe('gateway connection lost');
    await world.waitForStatus(id, ['online'], 10_000);
    expect((await world.connectedSessions()).get(sandbox.userId)).toBe(1);
    await world.lifecycle('stop', id);
    await world.waitForStatus(id, ['stopped']);
  });

  it('restarts a running bot on request: a new gateway session, online again', async () => {
    const { id, sandbox } = await world.createBot();
    await world.lifecycle('start', id);
    await world.waitForStatus(id, ['online']);
    const sessionsOf = async () =>
      (await world.sandbox.control.stats()).gateway.sessions
        .filter((session) => session.botUserId === sandbox.userId)
        .map((session) => session.sessionId);
    const [first] = await sessionsOf();

    await world.lifecycle('restart', id);
    const all = await until('a second session', sessionsOf, (sessions) => sessions.length >= 2, {
      intervalMs: 100,
    });
    await world.waitForStatus(id, ['online'], 10_000);
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all).toContain(first);
    expect((await world.connectedSessions()).get(sandbox.userId)).toBe(1);
  });

  it('restarts a running bot whose intents change, so the new intents take effect', async () => {
    const { id, sandbox } = await world.createBot();
    await world.lifecycle('start', id);
    await world.waitForStatus(id, ['online']);
    const identifies = async () =>
      (await world.sandbox.control.stats()).gateway.sessions.filter(
        (session) => session.botUserId === sandbox.userId,
      ).length;
    expect(await identifies()).toBe(1);
    const current = await request(world.api.url)
      .get(`/api/v1/bots/${id}`)
      .set(authHeader(world.operator))
      .expect(200);
    await request(world.api.url)
      .patch(`/api/v1/bots/${id}`)
      .set(authHeader(world.operator))
      .send({ intents: ['Guilds', 'GuildMessages'], version: current.body.version })
      .expect(200);
    await until('a second IDENTIFY', identifies, (count) => count >= 2, { intervalMs: 100 });
    expect(await identifies()).toBe(2);
    await world.waitForStatus(id, ['online']);
    expect((await world.connectedSessions()).get(sandbox.userId)).toBe(1);
    await world.lifecycle('stop', id);
    await world.waitForStatus(id, ['stopped']);
  });

  it('deleting a running bot stops it first: logged out, lease released, row gone', async () => {
    const { id, sandbox } = await world.createBot();
    await world.lifecycle('start', id);
    await world.waitForStatus(id, ['online']);
    await request(world.api.url)
      .delete(`/api/v1/bots/${id}`)
      .set(authHeader(world.operator))
      .expect(204);
    expect((await world.connectedSessions()).get(sandbox.userId)).toBeUndefined();
    expect(await leaseHolderOnceReleased(id)).toBeNull();
    await request(world.api.url)
      .get(`/api/v1/bots/${id}`)
      .set(authHeader(world.operator))
      .expect(404);
  });

  it('logs every bot out on shutdown, marks them stopped and releases the leases, keeping desired state', async () => {
    const bots = await Promise.all([world.createBot(), world.createBot()]);
    for (const bot of bots) await world.lifecycle('start', bot.id);
    for (const bot of bots) await world.waitForStatus(bot.id, ['online']);

    await world.stopWorker(worker);
    for (const bot of bots) {
      const state = await world.waitForStatus(bot.id, ['stopped'], 5_000);
      expect(state).toMatchObject({ desiredState: 'running', statusReason: 'worker shutdown' });
      expect(await redis.get(leaseKey(bot.id))).toBeNull();
    }
    const connected = await world.connectedSessions();
    for (const bot of bots) expect(connected.get(bot.sandbox.userId)).toBeUndefined();
  });
});
