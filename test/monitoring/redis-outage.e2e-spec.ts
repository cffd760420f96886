import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';
import { startApi, TestApi } from '../support/api';
import { eventually } from '../support/eventually';
import { getHealth, within } from './monitoring-support';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A throwaway redis-server of this test's own; the shared one on 6379 is never touched. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    retryStrategy: () => null,
  });
  try {
    await eventually(
      `redis-server on port ${port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
        if (probe.status !== 'ready') await probe.connect();
        expect(await probe.ping()).toBe('PONG');
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
  } finally {
    probe.disconnect();
  }
  return child;
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await within(exited, 5_000, undefined);
}

describe('monitoring: Redis outage', () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let api: TestApi | undefined;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    api = await startApi({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    // Redis back first, so the API's clients can close cleanly.
    const running = redis && redis.exitCode === null && redis.signalCode === null;
    if (!running && port) redis = await startRedis(port);
    await api?.close();
    await stop(redis, 'SIGTERM');
  });

  it('answers 503 within 2 s of Redis dying and 200 again once it is back', async () => {
    const url = api!.url;
    expect((await getHealth(url)).status).toBe(200);

    const killedAt = Date.now();
    await stop(redis, 'SIGKILL');
    const down = await eventually(
      'health to report 503',
      async () => {
        const health = await getHealth(url);
        expect(health.status).toBe(503);
        return health;
      },
      { timeoutMs: 5_000, intervalMs: 50 },
    );
    const elapsed = Date.now() - killedAt;
    expect(elapsed).toBeLessThan(2_000);
    expect(down.body).toMatchObject({
      status: 'error',
      checks: {
        postgres: { status: 'up' },
        redis: { status: 'down', error: expect.any(String) },
        workers: { status: 'down' },
      },
    });
    process.stdout.write(`Redis outage reported as 503 after ${elapsed} ms\n`);

    redis = await startRedis(port);
    const up = await eventually(
      'health to report 200 again',
      async () => {
        const health = await getHealth(url);
        expect(health.status).toBe(200);
        return health;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(up.body.checks.redis.status).toBe('up');
  });
});
