import request from 'supertest';
import { authHeader } from '../support/auth';
import { eventually } from '../support/eventually';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { PrivateRedis } from '../support/private-redis';
import { type RuntimeWorld, startRuntimeWorld } from './support/runtime-world';

/** Generous for a loaded 2-core machine, far below the 18 s a request used to hang. */
const PROMPT_MS = 5_000;

/**
 * Lifecycle requests while Redis is down: a change that committed answers success (the nudge
 * is best-effort, the reconcilers catch up), nothing hangs, and no status claims `online`
 * that no worker can vouch for. Redis is a private server this file kills and restarts.
 */
describe('Bot lifecycle through a Redis outage', () => {
  let redis: PrivateRedis;
  let world: RuntimeWorld;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    redis = await PrivateRedis.start({ appendOnly: false });
    world = await startRuntimeWorld({}, { REDIS_URL: redis.url });
  }, 60_000);
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await worker?.exited;
    // The world closes cleanly only with its Redis back.
    await redis.start();
    await world?.close();
    await redis?.stop();
  });

  const api = () => request(world.api.url);
  const bot = async (id: string) =>
    (await api().get(`/api/v1/bots/${id}`).set(authHeader(world.operator)).expect(200)).body as {
      status: string;
      statusReason: string | null;
      version: number;
    };

  it('answers a committed start with 202 and the new version while Redis is down; the bot comes online once it returns', async () => {
    const { id } = await world.createBot();
    const before = await bot(id);
    await redis.kill();

    const asked = Date.now();
    const res = await api()
      .post(`/api/v1/bots/${id}/start`)
      .set(authHeader(world.operator))
      .timeout(30_000);
    const took = Date.now() - asked;
    expect({ status: res.status, body: res.body as object }).toMatchObject({
      status: 202,
      body: { id, desiredState: 'running', version: before.version + 1 },
    });
    expect(took).toBeLessThan(PROMPT_MS);

    await redis.start();
    worker = await spawnWorker(world.env);
    await eventually('the bot online', async () => expect((await bot(id)).status).toBe('online'), {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
  });

  it('shows running bots as unknown while Redis is down, answers a bulk stop promptly, and completes it once Redis returns', async () => {
    const ids = [(await world.createBot()).id, (await world.createBot()).id];
    for (const id of ids) await world.lifecycle('start', id);
    await eventually(
      'both bots online',
      async () =>
        expect((await Promise.all(ids.map(bot))).map((b) => b.status)).toEqual([
          'online',
          'online',
        ]),
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    await redis.kill();
    for (const id of ids) {
      const seen = await bot(id);
      expect(seen.status).toBe('unknown');
      expect(seen.statusReason).toMatch(/^Redis unreachable/);
    }

    const asked = Date.now();
    const res = await api()
      .post('/api/v1/bulk/bots/stop')
      .set(authHeader(world.operator))
      .send({ botIds: ids })
      .timeout(30_000);
    const took = Date.now() - asked;
    expect(res.status).toBe(202);
    expect(took).toBeLessThan(PROMPT_MS);
    const operationId = (res.body as { operationId: string }).operationId;

    await redis.start();
    const operation = await eventually(
      'the operation completed',
      async () => {
        const got = await api()
          .get(`/api/v1/bulk/operations/${operationId}`)
          .set(authHeader(world.operator))
          .expect(200);
        expect(got.body.status).toBe('completed');
        return got.body as { totals: object };
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(operation.totals).toEqual({ total: 2, pending: 0, succeeded: 2, failed: 0 });
    expect((await Promise.all(ids.map(bot))).map((b) => b.status)).toEqual(['stopped', 'stopped']);
  });
});
