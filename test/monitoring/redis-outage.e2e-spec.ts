import { startApi, TestApi } from '../support/api';
import { eventually } from '../support/eventually';
import { PrivateRedis } from '../support/private-redis';
import { getHealth } from './monitoring-support';

describe('monitoring: Redis outage', () => {
  let redis: PrivateRedis;
  let api: TestApi | undefined;

  beforeAll(async () => {
    redis = await PrivateRedis.start({ appendOnly: false });
    api = await startApi({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    // Redis back first, so the API's clients can close cleanly.
    await redis.start();
    await api?.close();
    await redis.stop();
  });

  it('answers 503 within 2 s of Redis dying and 200 again once it is back', async () => {
    const url = api!.url;
    expect((await getHealth(url)).status).toBe(200);

    const killedAt = Date.now();
    await redis.kill();
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

    await redis.start();
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
