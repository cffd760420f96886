import { CoreModule } from '@botdeck/core';
import { WorkerHeartbeatModule, WorkerHeartbeatService, WorkerRegistry } from '@botdeck/monitoring';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { startApi, TestApi } from '../support/api';
import { loginAs } from '../support/auth';
import { spawnWorker } from '../support/worker-process';
import { withEnv } from '../support/env';
import { eventually, sleep } from '../support/eventually';
import { getHealth, within } from './monitoring-support';

@Module({ imports: [CoreModule, WorkerHeartbeatModule] })
class HeartbeatOnlyModule {}

describe('monitoring: GET /api/v1/monitoring/health', () => {
  let api: TestApi;
  let viewer: string;

  beforeAll(async () => {
    api = await startApi();
    viewer = (await loginAs(api, 'viewer')).accessToken;
  });
  afterAll(() => api.close());

  it('answers 200 without a token, with PostgreSQL and Redis up and their latencies', async () => {
    const { status, body } = await getHealth(api.url);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      checks: {
        postgres: { status: 'up', latencyMs: expect.any(Number) },
        redis: { status: 'up', latencyMs: expect.any(Number) },
        workers: expect.objectContaining({
          required: false,
          count: expect.any(Number),
        }),
      },
      uptimeSeconds: expect.any(Number),
      version: expect.any(String),
      checkedAt: expect.any(String),
    });
    expect(body.checks.postgres.latencyMs).toBeLessThan(1000);
  });

  it("shows anonymous callers worker counts only, and signed-in callers each worker's host and PID", async () => {
    const registry = api.app.get(WorkerRegistry);
    const info = {
      id: `seen-${Date.now()}`,
      host: 'node-7',
      pid: 4242,
      startedAt: new Date().toISOString(),
    };
    await registry.beat(info, 30_000);

    const anonymous = await getHealth(api.url);
    expect(anonymous.body.checks.workers.count).toBeGreaterThanOrEqual(1);
    expect(anonymous.body.checks.workers).not.toHaveProperty('items');
    expect(JSON.stringify(anonymous.body)).not.toContain('node-7');

    const badToken = await getHealth(api.url, 'not-a-token');
    expect(badToken.status).toBe(200);
    expect(badToken.body.checks.workers).not.toHaveProperty('items');

    const signedIn = await getHealth(api.url, viewer);
    expect(signedIn.body.checks.workers.items).toContainEqual({
      ...info,
      lastBeatAgeMs: expect.any(Number),
    });
  });

  it('lists a worker while its heartbeat runs and drops it when it stops gracefully', async () => {
    let worker: INestApplicationContext | undefined = await withEnv(
      { WORKER_HEARTBEAT_INTERVAL_MS: '200', WORKER_HEARTBEAT_TTL_MS: '2000' },
      () => NestFactory.createApplicationContext(HeartbeatOnlyModule, { logger: false }),
    );
    try {
      await worker.init();
      const { info } = worker.get(WorkerHeartbeatService);

      const listed = await getHealth(api.url, viewer);
      expect(listed.body.checks.workers.items).toContainEqual({
        ...info,
        lastBeatAgeMs: expect.any(Number),
      });
      expect(info).toMatchObject({ pid: process.pid, startedAt: expect.any(String) });

      // Still listed well past its TTL: the heartbeat keeps refreshing it.
      // (The TTL leaves room for event-loop stalls when the machine is busy.)
      await sleep(2_500);
      const later = await getHealth(api.url, viewer);
      const item = later.body.checks.workers.items.find((w) => w.id === info.id);
      expect(item?.lastBeatAgeMs).toBeLessThan(2_000);

      const closing = worker;
      worker = undefined;
      await closing.close();
      const after = await getHealth(api.url, viewer);
      expect(after.body.checks.workers.items.map((w) => w.id)).not.toContain(info.id);
    } finally {
      await worker?.close();
    }
  });

  it('forgets a worker that stops beating once its TTL runs out', async () => {
    const registry = api.app.get(WorkerRegistry);
    const info = {
      id: `crashed-${Date.now()}`,
      host: 'gone',
      pid: 1,
      startedAt: new Date().toISOString(),
    };
    await registry.beat(info, 1_500);
    expect((await getHealth(api.url, viewer)).body.checks.workers.items.map((w) => w.id)).toContain(
      info.id,
    );
    await sleep(1_700);
    expect(
      (await getHealth(api.url, viewer)).body.checks.workers.items.map((w) => w.id),
    ).not.toContain(info.id);
  });

  it('runs the real worker: it registers, then deregisters and exits 0 on SIGTERM', async () => {
    const worker = await spawnWorker({ WORKER_HEARTBEAT_INTERVAL_MS: '500' });
    try {
      const listed = await eventually(
        'the worker to register',
        async () => {
          const { body } = await getHealth(api.url, viewer);
          const item = body.checks.workers.items.find((w) => w.pid === worker.pid);
          if (!item) throw new Error(`pid ${worker.pid} not listed yet`);
          return item;
        },
        { timeoutMs: 45_000, intervalMs: 250 },
      );

      worker.kill('SIGTERM');
      const code = await within(worker.exited, 15_000, 'still running');
      expect(code).toBe(0);
      const { body } = await getHealth(api.url, viewer);
      expect(body.checks.workers.items.map((w) => w.id)).not.toContain(listed.id);
    } finally {
      worker.kill('SIGKILL');
      await worker.exited;
    }
  });
});

describe('monitoring: HEALTH_REQUIRE_WORKER', () => {
  it('answers 503 while no worker is alive and 200 once one is', async () => {
    // A key prefix of its own, so workers started by other tests cannot count here.
    const env = {
      HEALTH_REQUIRE_WORKER: 'true',
      REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}require-worker:`,
    };
    const api = await startApi(env);
    let worker: INestApplicationContext | undefined;
    try {
      const viewer = (await loginAs(api, 'viewer')).accessToken;
      const alone = await getHealth(api.url, viewer);
      expect(alone.status).toBe(503);
      expect(alone.body).toMatchObject({
        status: 'error',
        checks: {
          postgres: { status: 'up' },
          redis: { status: 'up' },
          workers: { status: 'down', required: true, count: 0, items: [] },
        },
      });

      worker = await withEnv(env, () =>
        NestFactory.createApplicationContext(HeartbeatOnlyModule, { logger: false }),
      );
      await worker.init();
      const accompanied = await getHealth(api.url);
      expect(accompanied.status).toBe(200);
      expect(accompanied.body.checks.workers).toMatchObject({ status: 'up', count: 1 });
    } finally {
      await worker?.close();
      await api.close();
    }
  });
});
