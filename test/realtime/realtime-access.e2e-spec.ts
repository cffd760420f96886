import type { AuditRecordedEvent } from '@botdeck/audit';
import type { SubscribeAck } from '@botdeck/realtime';
import { EventBus, MetricsRegistry } from '@botdeck/core';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import request from 'supertest';
import WebSocket from 'ws';
import { startApi, type TestApi } from '../support/api';
import { authHeader, loginAs, type LoggedIn } from '../support/auth';
import { sleep, until } from '../support/eventually';
import { connect, type RealtimeClient, refusal } from './support/realtime-client';

jest.setTimeout(30_000);

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
    sub: string;
    sid: string;
    email: string;
    role: string;
  };

describe('realtime: who may connect, and to what', () => {
  let api: TestApi;
  let admin: LoggedIn;
  const clients: RealtimeClient[] = [];
  const open = async (token: unknown) => {
    const client = await connect(api.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    api = await startApi({
      REALTIME_ACCESS_RECHECK_MS: '200',
      REALTIME_MAX_CONNECTIONS_PER_USER: '3',
      REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: '20',
      REALTIME_MAX_PAYLOAD_BYTES: '8192',
      REALTIME_MAX_BUFFERED_BYTES: '262144',
      REALTIME_BUFFER_CHECK_MS: '100',
    });
    admin = await loginAs(api, 'admin');
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => api?.close());

  /** A genuine access token of `who`'s login that expires in `seconds`. */
  const shortLivedToken = (who: LoggedIn, seconds: number) => {
    const { sub, sid, email, role } = claimsOf(who.accessToken);
    return api.app.get(JwtService).signAsync({ sub, sid, email, role }, { expiresIn: seconds });
  };

  it('refuses a handshake without a valid token, with the envelope code in connect_error', async () => {
    await expect(refusal(api.url, undefined)).resolves.toMatchObject({
      statusCode: 401,
      code: 'TOKEN_MISSING',
    });
    await expect(refusal(api.url, 42)).resolves.toMatchObject({ code: 'TOKEN_MISSING' });
    await expect(refusal(api.url, 'not.a.token')).resolves.toMatchObject({
      statusCode: 401,
      code: 'TOKEN_INVALID',
    });
  });

  it('answers a subscription topic by topic: a viewer is denied audit, unknown and bad ids get codes', async () => {
    const viewer = await loginAs(api, 'viewer');
    const client = await open(viewer.accessToken);
    const botId = randomUUID();
    await expect(
      client.subscribe(['bots', 'audit', 'nope', `bot:${botId.toUpperCase()}`, 'bot:12', 'bot:']),
    ).resolves.toEqual({
      subscribed: ['bots', `bot:${botId}`],
      denied: [
        { topic: 'audit', code: 'ROLE_TOO_LOW' },
        { topic: 'nope', code: 'TOPIC_UNKNOWN' },
        { topic: 'bot:12', code: 'TOPIC_ID_INVALID' },
        { topic: 'bot:', code: 'TOPIC_ID_INVALID' },
      ],
    });
    await expect(client.send('unsubscribe', { topics: ['bots', 'commands'] })).resolves.toEqual({
      unsubscribed: ['bots'],
    });
  });

  it('answers hostile subscribe payloads with codes and stays up', async () => {
    const client = await open((await loginAs(api, 'viewer')).accessToken);
    const invalid = { code: 'REALTIME_PAYLOAD_INVALID', message: expect.any(String) };
    for (const payload of [
      null,
      'bots',
      7,
      [],
      { topics: null },
      { topics: 'bots' },
      { nope: [] },
    ]) {
      await expect(client.send('subscribe', payload)).resolves.toEqual({
        subscribed: [],
        denied: [],
        error: invalid,
      });
    }
    // An acknowledgement without a payload at all.
    await expect(client.send('subscribe')).resolves.toMatchObject({ error: invalid });
    await expect(client.send('unsubscribe', null)).resolves.toMatchObject({ error: invalid });
    await expect(client.send('auth:refresh', { token: 5 })).resolves.toEqual({ error: invalid });

    const ack = (await client.send('subscribe', {
      topics: [1, null, {}, ['bots'], 'x'.repeat(5_000), 'bots'],
    })) as SubscribeAck;
    expect(ack).toEqual({
      subscribed: ['bots'],
      denied: [
        { topic: '(number)', code: 'TOPIC_UNKNOWN' },
        { topic: '(null)', code: 'TOPIC_UNKNOWN' },
        { topic: '(object)', code: 'TOPIC_UNKNOWN' },
        { topic: '(array)', code: 'TOPIC_UNKNOWN' },
        { topic: 'x'.repeat(200), code: 'TOPIC_UNKNOWN' },
      ],
    });
    await expect(
      client.send('subscribe', { topics: Array.from({ length: 1_000 }, () => 'a') }),
    ).resolves.toMatchObject({ error: { code: 'TOPIC_LIMIT_REACHED' } });
    const many = Array.from({ length: 20 }, () => `operation:${randomUUID()}`);
    await expect(client.send('subscribe', { topics: many })).resolves.toMatchObject({
      subscribed: many.slice(0, 19),
      denied: [{ topic: many[19], code: 'TOPIC_LIMIT_REACHED' }],
    });
    expect(client.socket.connected).toBe(true);

    // A message over REALTIME_MAX_PAYLOAD_BYTES closes that socket, nothing else.
    client.socket.emit('subscribe', { topics: ['y'.repeat(20_000)] }, () => undefined);
    await expect(client.disconnected).resolves.toMatchObject({ reason: 'transport close' });
    const other = await open(admin.accessToken);
    await expect(other.subscribe(['audit'])).resolves.toEqual({
      subscribed: ['audit'],
      denied: [],
    });
  });

  it('holds each user to REALTIME_MAX_CONNECTIONS_PER_USER', async () => {
    const viewer = await loginAs(api, 'viewer');
    // Handshakes racing each other count each other too.
    const attempts = await Promise.allSettled([0, 1, 2, 3, 4].map(() => open(viewer.accessToken)));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    await expect(refusal(api.url, viewer.accessToken)).resolves.toMatchObject({
      statusCode: 429,
      code: 'REALTIME_CONNECTION_LIMIT',
    });
    clients.pop()!.close();
    await expect(open(viewer.accessToken)).resolves.toBeDefined();
  });

  it('disconnects a disabled user or a closed login within seconds; admins see the audit entry live', async () => {
    const viewer = await loginAs(api, 'viewer');
    const doomed = await open(viewer.accessToken);
    await doomed.subscribe(['bots']);
    const leaving = await loginAs(api, 'viewer');
    const signedOut = await open(leaving.accessToken);
    const auditor = await open(admin.accessToken);
    await expect(auditor.subscribe(['audit'])).resolves.toEqual({
      subscribed: ['audit'],
      denied: [],
    });

    await request(api.url)
      .post(`/api/v1/users/${viewer.user.id}/disable`)
      .set(authHeader(admin.accessToken))
      .expect(200);
    await request(api.url)
      .post('/api/v1/auth/logout')
      .send({ refreshToken: leaving.refreshToken })
      .expect(204);
    const started = Date.now();
    await expect(signedOut.disconnected).resolves.toEqual({
      reason: 'io server disconnect',
      closing: { code: 'SESSION_REVOKED', message: expect.any(String) },
    });
    await expect(doomed.disconnected).resolves.toEqual({
      reason: 'io server disconnect',
      closing: { code: 'USER_DISABLED', message: expect.any(String) },
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    const recorded = await auditor.waitFor<AuditRecordedEvent>('audit.recorded', (event) =>
      event.entries.some((entry) => entry.resourceId === viewer.user.id),
    );
    expect(recorded.entries).toEqual([
      expect.objectContaining({ action: 'user.disable', outcome: 'success', statusCode: 200 }),
    ]);
  });

  it('drops the topics a demoted user may no longer see', async () => {
    const demoted = await loginAs(api, 'admin');
    const client = await open(demoted.accessToken);
    await client.subscribe(['audit', 'bots']);
    await request(api.url)
      .patch(`/api/v1/users/${demoted.user.id}/role`)
      .set(authHeader(admin.accessToken))
      .send({ role: 'viewer' })
      .expect(200);
    await expect(client.waitFor('topics.revoked')).resolves.toEqual({
      topics: [{ topic: 'audit', code: 'ROLE_TOO_LOW' }],
    });
    expect(client.socket.connected).toBe(true);
    await expect(client.subscribe(['audit'])).resolves.toMatchObject({
      denied: [{ topic: 'audit', code: 'ROLE_TOO_LOW' }],
    });
  });

  it('disconnects at the token expiry with TOKEN_EXPIRED, unless the client refreshed it', async () => {
    const viewer = await loginAs(api, 'viewer');
    const other = await loginAs(api, 'viewer');
    const [expiring, refreshing] = await Promise.all([
      shortLivedToken(viewer, 2).then(open),
      shortLivedToken(viewer, 2).then(open),
    ]);
    await expect(refreshing.send('auth:refresh', { token: other.accessToken })).resolves.toEqual({
      error: { code: 'TOKEN_USER_MISMATCH', message: expect.any(String) },
    });
    await expect(refreshing.send('auth:refresh', { token: 'junk' })).resolves.toMatchObject({
      error: { code: 'TOKEN_INVALID' },
    });
    const fresh = await shortLivedToken(viewer, 6);
    const refreshed = (await refreshing.send('auth:refresh', { token: fresh })) as {
      expiresAt: string;
    };
    expect(Date.parse(refreshed.expiresAt)).toBeGreaterThan(Date.now() + 4_000);

    await expect(expiring.disconnected).resolves.toEqual({
      reason: 'io server disconnect',
      closing: { code: 'TOKEN_EXPIRED', message: expect.any(String) },
    });
    expect(refreshing.socket.connected).toBe(true);
  });

  it('routes each bus event to the topics that carry it, and only those', async () => {
    const viewer = await loginAs(api, 'viewer');
    const displayId = randomUUID();
    const botId = randomUUID();
    const [stock, display, otherDisplay] = await Promise.all(
      [0, 1, 2].map(() => open(viewer.accessToken)),
    );
    const fleet = await open((await loginAs(api, 'viewer')).accessToken);
    await stock.subscribe(['stock']);
    await display.subscribe([`display:${displayId}`]);
    await otherDisplay.subscribe([`display:${randomUUID()}`]);
    await fleet.subscribe(['workers', 'metrics']);

    const bus = api.app.get(EventBus);
    const status = {
      displayId,
      botId,
      status: 'live' as const,
      code: null,
      reason: null,
      messageIds: ['1'],
    };
    await bus.publish('stock-display.status', status);
    await bus.publish('catalog.stock.changed', { changes: [] });
    const worker = { id: 'w-1', host: 'h', pid: 1, startedAt: new Date().toISOString() };
    await bus.publish('monitoring.worker', { change: 'joined', worker, reason: null });

    await expect(display.waitFor('stock-display.status')).resolves.toEqual(status);
    await expect(stock.waitFor('stock-display.status')).resolves.toEqual(status);
    await expect(stock.waitFor('catalog.stock.changed')).resolves.toEqual({ changes: [] });
    await expect(fleet.waitFor('monitoring.worker')).resolves.toMatchObject({ change: 'joined' });
    await sleep(200);
    expect(otherDisplay.received).toEqual([]);
    expect(display.received.map((entry) => entry.event)).toEqual(['stock-display.status']);
    // Its topics carry real traffic too (the API's own snapshots, other workers coming and
    // going): only their events may reach it, and ours among them.
    const fleetEvents = new Set(fleet.received.map((entry) => entry.event));
    expect([...fleetEvents].filter((event) => !event.startsWith('monitoring.'))).toEqual([]);
    expect(fleet.received).toContainEqual(
      expect.objectContaining({
        event: 'monitoring.worker',
        payload: expect.objectContaining({ worker }) as unknown,
      }),
    );
  });

  it('drops a client that stopped reading once its unsent output passes the bound', async () => {
    const viewer = await loginAs(api, 'viewer');
    // A raw engine.io client, so that it can stop reading (socket.io-client always reads).
    const raw = new WebSocket(
      `${api.url.replace(/^http/, 'ws')}/realtime/?EIO=4&transport=websocket`,
    );
    const frames: string[] = [];
    raw.on('message', (data: Buffer) => frames.push(data.toString()));
    const frame = (prefix: string) =>
      until(`a "${prefix}" frame`, () => frames.find((f) => f.startsWith(prefix)), Boolean);
    await once(raw, 'open');
    await frame('0{');
    raw.send(`40${JSON.stringify({ token: viewer.accessToken })}`);
    await frame('40{');
    raw.send(`420${JSON.stringify(['subscribe', { topics: ['stock'] }])}`);
    await frame('430');
    (raw as unknown as { _socket: { pause(): void } })._socket.pause();

    const dropped = async () => {
      const metric = api.app
        .get(MetricsRegistry)
        .getSingleMetric('botdeck_realtime_disconnects_total');
      const values = (await metric!.get()).values;
      return values.find((v) => v.labels.code === 'REALTIME_SLOW_CONSUMER')?.value ?? 0;
    };
    const changes = Array.from({ length: 1_000 }, (_, i) => ({
      productId: randomUUID(),
      sku: `slow-${i}`,
      category: null,
      before: i,
      after: i + 1,
      lowStockThreshold: 0,
    }));
    const bus = api.app.get(EventBus);
    // ~130 KB each: the kernel's socket buffers fill first, then the server's.
    let published = 0;
    while ((await dropped()) === 0 && published < 400) {
      await bus.publish('catalog.stock.changed', { changes });
      published += 1;
      await sleep(5);
    }
    expect(await dropped()).toBe(1);
    raw.terminate();
  });
});
