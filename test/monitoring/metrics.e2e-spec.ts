import { EventBus, type EventEnvelope } from '@botdeck/core';
import {
  type MetricsSnapshot,
  type WorkerChangeEvent,
  WorkerHeartbeatService,
} from '@botdeck/monitoring';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { RuntimeWorld, startRuntimeWorld } from '../runtime/support/runtime-world';
import { startApi, type TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { eventually, sleep, until } from '../support/eventually';
import { freePort } from '../support/free-port';
import { samples, scrape, total } from '../support/prometheus';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

jest.setTimeout(60_000);

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const SNAPSHOT_INTERVAL_MS = 500;
const PLAYER = { id: '200000000000000077', username: 'metrics-player' };

describe('monitoring: metrics as JSON and Prometheus, snapshots and worker events', () => {
  let world: RuntimeWorld;
  let worker: INestApplicationContext;
  let workerMetricsUrl: string;
  let viewer: string;
  let online: { id: string; applicationId: string };
  let stopped: { id: string };
  let second: TestApi | undefined;
  /** A real worker process for the SIGKILL test, started early: it takes seconds to boot. */
  let spawning: Promise<WorkerProcess> | undefined;
  let spawnedPort: number;
  const workerEvents: WorkerChangeEvent[] = [];
  let unsubscribeWorkers: (() => void) | undefined;

  beforeAll(async () => {
    world = await startRuntimeWorld(
      // Short gateway heartbeats, so the bots measure a ping within the test.
      { heartbeatIntervalMs: 300 },
      {
        METRICS_TOKEN,
        METRICS_SNAPSHOT_INTERVAL_MS: String(SNAPSHOT_INTERVAL_MS),
        WORKER_HEARTBEAT_INTERVAL_MS: '300',
        WORKER_HEARTBEAT_TTL_MS: '1500',
      },
    );
    const port = await freePort();
    workerMetricsUrl = `http://127.0.0.1:${port}/metrics`;
    worker = await world.startWorker({ METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' });
    viewer = (await loginAs(world.api, 'viewer')).accessToken;
    const bot = await world.createBot();
    online = { id: bot.id, applicationId: bot.sandbox.applicationId };
    stopped = { id: (await world.createBot()).id };
    await world.lifecycle('start', online.id);
    await world.waitForStatus(online.id, ['online']);
    // A second API instance on the same Redis and database, as in a scaled deployment.
    second = await startApi();
    unsubscribeWorkers = await world.api.app
      .get(EventBus)
      .subscribe('monitoring.worker', (event) => void workerEvents.push(event.payload));
    // Every bot that should run is running: the newcomer has nothing to claim.
    spawnedPort = await freePort();
    spawning = spawnWorker({
      ...world.env,
      METRICS_PORT: String(spawnedPort),
      METRICS_HOST: '127.0.0.1',
    });
    spawning.catch(() => undefined);
  });
  afterAll(async () => {
    unsubscribeWorkers?.();
    const child = await spawning?.catch(() => undefined);
    child?.kill('SIGKILL');
    await child?.exited;
    await second?.close();
    await world?.close();
  });

  const getMetrics = (token?: string) => {
    const req = request(world.api.url).get('/api/v1/monitoring/metrics');
    return token ? req.set(authHeader(token)) : req;
  };

  it('GET /monitoring/metrics: this API, the live worker from its heartbeat, the fleet, commands and queues', async () => {
    await getMetrics().expect(401);
    const res = await until(
      "the worker's heartbeat to carry the online bot and its gateway ping",
      () => getMetrics(viewer),
      (r) =>
        r.status === 200 &&
        (r.body as MetricsSnapshot).workers.some(
          (w) => w.botsByStatus.online === 1 && w.gatewayPingMs.avg !== null,
        ),
    );
    const body = res.body as MetricsSnapshot;
    const { info } = worker.get(WorkerHeartbeatService);

    expect(body.api).toEqual({
      uptimeSeconds: expect.any(Number),
      rssBytes: expect.any(Number),
      heapUsedBytes: expect.any(Number),
      cpuPercent: expect.any(Number),
      eventLoopDelayMs: { p50: expect.any(Number), p99: expect.any(Number) },
    });
    expect(body.api.rssBytes).toBeGreaterThan(body.api.heapUsedBytes);
    expect(body.api.eventLoopDelayMs.p99).toBeGreaterThanOrEqual(body.api.eventLoopDelayMs.p50);

    // The worker process spawned for the SIGKILL test may be listed too.
    const live = body.workers.find((w) => w.id === info.id);
    expect(live).toEqual({
      ...info,
      lastBeatAgeMs: expect.any(Number),
      uptimeSeconds: expect.any(Number),
      rssBytes: expect.any(Number),
      cpuPercent: expect.any(Number),
      botsByStatus: { online: 1 },
      gatewayPingMs: { avg: expect.any(Number), max: expect.any(Number) },
      commandsPerMinute: expect.any(Number),
      discord: {
        requests: expect.any(Number),
        rateLimited: 0,
        rateLimitWaits: 0,
        gatewayReconnects: 0,
      },
    });
    expect(live!.rssBytes).toBeGreaterThan(0);
    expect(live!.gatewayPingMs.max).toBeGreaterThanOrEqual(live!.gatewayPingMs.avg!);
    // Logging in alone asks Discord for the gateway and registers the commands.
    expect(live!.discord.requests).toBeGreaterThanOrEqual(2);
    expect(body.discord.requests).toBe(body.workers.reduce((n, w) => n + w.discord.requests, 0));

    expect(body.fleet.botsByStatus).toEqual({
      stopped: 1,
      starting: 0,
      online: 1,
      reconnecting: 0,
      error: 0,
      unknown: 0,
    });
    expect(body.commands.map((w) => w.windowMinutes)).toEqual([1, 5, 15]);
    for (const window of body.commands) {
      expect(window).toEqual({
        windowMinutes: window.windowMinutes,
        count: expect.any(Number),
        errorRate: expect.any(Number),
        p95Ms: window.count === 0 ? null : expect.any(Number),
      });
    }
    expect(body.queues).toContainEqual({
      name: 'scheduled-messages',
      waiting: expect.any(Number),
      active: expect.any(Number),
      delayed: expect.any(Number),
      failed: expect.any(Number),
    });
  });

  it('Prometheus /metrics: refused without the token; parses; the worker serves its own series, which move when /ping runs', async () => {
    const anonymous = await request(world.api.url).get('/metrics').expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'METRICS_TOKEN_INVALID' });
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    // A user's access token is not the metrics token.
    const withJwt = await request(world.api.url).get('/metrics').set(authHeader(viewer));
    expect(withJwt.status).toBe(401);
    const atWorker = await fetch(workerMetricsUrl);
    expect(atWorker.status).toBe(401);
    expect(await atWorker.json()).toMatchObject({ code: 'METRICS_TOKEN_INVALID' });

    const api = await scrape(`${world.api.url}/metrics`, METRICS_TOKEN);
    expect(api.contentType).toContain('text/plain');
    expect(api.types.get('process_resident_memory_bytes')).toBe('GAUGE');
    expect(api.types.get('nodejs_eventloop_lag_p99_seconds')).toBe('GAUGE');
    expect(total(api.families, 'botdeck_bots', { status: 'online' })).toBe(1);
    expect(total(api.families, 'botdeck_bots', { status: 'stopped' })).toBe(1);
    expect(total(api.families, 'botdeck_workers')).toBeGreaterThanOrEqual(1);
    expect(api.types.get('botdeck_bulk_items')).toBe('GAUGE');
    expect(total(api.families, 'botdeck_bulk_items', { kind: 'stop' })).toBe(0);
    // A bulk stop of the stopped bot: one item, counted whatever its outcome so far.
    await request(world.api.url)
      .post('/api/v1/bulk/bots/stop')
      .set(authHeader(world.operator))
      .send({ botIds: [stopped.id] })
      .expect(202);
    const bulk = await scrape(`${world.api.url}/metrics`, METRICS_TOKEN);
    expect(total(bulk.families, 'botdeck_bulk_items', { kind: 'stop' })).toBe(1);

    const before = await scrape(workerMetricsUrl, METRICS_TOKEN);
    const ping = { command: 'ping', status: 'success' };
    expect(before.types.get('botdeck_commands_total')).toBe('COUNTER');
    expect(before.types.get('botdeck_command_duration_seconds')).toBe('HISTOGRAM');
    expect(before.types.get('botdeck_gateway_reconnects_total')).toBe('COUNTER');
    expect(before.types.get('botdeck_discord_rate_limited_total')).toBe('COUNTER');
    const countBefore = total(before.families, 'botdeck_commands_total', ping);
    const observedBefore = total(before.families, 'botdeck_command_duration_seconds_count', ping);

    const channelId = await world.sandbox.control.createChannel(world.guildId, 'metrics');
    const played = await world.sandbox.control.playInteraction({
      applicationId: online.applicationId,
      guildId: world.guildId,
      channelId,
      user: PLAYER,
      command: 'ping',
    });
    expect(played.response?.content).toMatch(/^Pong!/);

    const after = await until(
      'the /ping to be counted',
      () => scrape(workerMetricsUrl, METRICS_TOKEN),
      (s) => total(s.families, 'botdeck_commands_total', ping) > countBefore,
    );
    expect(total(after.families, 'botdeck_commands_total', ping)).toBe(countBefore + 1);
    expect(total(after.families, 'botdeck_command_duration_seconds_count', ping)).toBe(
      observedBefore + 1,
    );
    // Discord requests by route: templates, never a raw id or token in a label.
    const requests = samples(after.families, 'botdeck_discord_requests_total');
    expect(requests.length).toBeGreaterThan(0);
    const routes = requests.map((s) => s.labels?.route ?? '');
    expect(routes).toContain('/interactions/:id/:token/callback');
    for (const route of routes) expect(route).not.toMatch(/\d{5,}/);
  });

  it('GET /bots/:id/metrics: time online, gateway figures and 24 h of commands; 404 and 400 in the envelope', async () => {
    const { info } = worker.get(WorkerHeartbeatService);
    const res = await until(
      'the /ping to be logged for the bot',
      () => request(world.api.url).get(`/api/v1/bots/${online.id}/metrics`).set(authHeader(viewer)),
      (r) => r.status === 200 && (r.body as { commands: { count: number } }).commands.count > 0,
    );
    expect(res.body).toEqual({
      botId: online.id,
      status: 'online',
      time: { online: true, since: expect.any(String), seconds: expect.any(Number) },
      gateway: {
        pingMs: expect.any(Number),
        guilds: 1,
        workerId: info.id,
        reportedAt: expect.any(String),
      },
      commands: { periodHours: 24, count: 1, errors: 0 },
    });
    const since = Date.parse((res.body as { time: { since: string } }).time.since);
    expect(since).toBeLessThanOrEqual(Date.now());

    const idle = await request(world.api.url)
      .get(`/api/v1/bots/${stopped.id}/metrics`)
      .set(authHeader(viewer))
      .expect(200);
    expect(idle.body).toEqual({
      botId: stopped.id,
      status: 'stopped',
      time: { online: false, since: null, seconds: 0 },
      gateway: { pingMs: null, guilds: null, workerId: null, reportedAt: null },
      commands: { periodHours: 24, count: 0, errors: 0 },
    });

    const unknown = await request(world.api.url)
      .get('/api/v1/bots/00000000-0000-4000-8000-000000000000/metrics')
      .set(authHeader(viewer))
      .expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'BOT_NOT_FOUND' });
    const malformed = await request(world.api.url)
      .get('/api/v1/bots/not-a-uuid/metrics')
      .set(authHeader(viewer))
      .expect(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('publishes monitoring.snapshot once per interval with two API instances', async () => {
    const snapshots: Array<EventEnvelope<'monitoring.snapshot'>> = [];
    const unsubscribe = await world.api.app
      .get(EventBus)
      .subscribe('monitoring.snapshot', (event) => void snapshots.push(event));
    try {
      // Both instances tick twice per interval; only the one that claims the interval publishes.
      await until(
        'a first snapshot',
        () => snapshots.length,
        (n) => n > 0,
      );
      const first = snapshots.length;
      const windowMs = 6 * SNAPSHOT_INTERVAL_MS;
      await sleep(windowMs);
      const counted = snapshots.length - first;
      // Never two for one interval (that would be about twice as many)…
      expect(counted).toBeLessThanOrEqual(windowMs / SNAPSHOT_INTERVAL_MS + 1);
      // …and intervals are not skipped (a stalled test process may lose one or two).
      expect(counted).toBeGreaterThanOrEqual(windowMs / SNAPSHOT_INTERVAL_MS - 2);
    } finally {
      unsubscribe();
    }
    const { payload } = snapshots[snapshots.length - 1];
    expect(payload.fleet.botsByStatus.online).toBe(1);
    expect(payload.workers.map((w) => w.id)).toContain(worker.get(WorkerHeartbeatService).info.id);
  });

  it('announces a worker joining, and leaving once when it is SIGKILLed and its heartbeat expires', async () => {
    const events = workerEvents;
    const child = await spawning!;
    const pid = child.pid;
    const joined = await until(
      'the spawned worker to join',
      () => events.find((e) => e.change === 'joined' && e.worker.pid === pid),
      (found) => found !== undefined,
    );
    expect(joined).toEqual({
      change: 'joined',
      reason: null,
      worker: {
        id: expect.any(String),
        host: expect.any(String),
        pid,
        startedAt: expect.any(String),
      },
    });
    // A worker process is a scrape target of its own.
    const own = await scrape(`http://127.0.0.1:${spawnedPort}/metrics`, METRICS_TOKEN);
    expect(own.types.get('process_cpu_user_seconds_total')).toBe('COUNTER');
    expect(total(own.families, 'botdeck_gateway_reconnects_total')).toBe(0);

    child.kill('SIGKILL');
    await child.exited;
    const id = joined!.worker.id;
    await eventually(
      'the killed worker to be announced as left',
      () => {
        if (!events.some((e) => e.change === 'left' && e.worker.id === id)) {
          throw new Error(`no left event for ${id} yet`);
        }
      },
      { timeoutMs: 5_000 },
    );
    // Two API instances watch for expiries: still one announcement after a few more sweeps.
    await sleep(1_000);
    expect(events.filter((e) => e.change === 'left' && e.worker.id === id)).toEqual([
      { change: 'left', reason: 'expired', worker: joined!.worker },
    ]);
  });
});
