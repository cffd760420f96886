import { leaseKey } from '@botdeck/bot-runtime';
import Redis from 'ioredis';
import request from 'supertest';
import { authHeader } from '../support/auth';
import { eventually, until } from '../support/eventually';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { type RuntimeWorld, startRuntimeWorld } from '../runtime/support/runtime-world';
import { type BulkOperation, getOperation, waitForCompletion } from './bulk-support';

const BOTS = 16;

/**
 * A worker dies in the middle of a bulk start: nothing of the operation lived in it (no job,
 * no wait), so the other worker takes the dead one's bots over and their statuses settle the
 * items. Every item succeeds.
 */
describe('bulk operations: a worker killed mid-operation', () => {
  let world: RuntimeWorld;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    world = await startRuntimeWorld();
    // Small batches and slow logins, so both workers hold bots while the operation runs.
    const env = { ...world.env, BOT_CLAIM_BATCH: '2', BOT_LOGIN_CONCURRENCY: '1' };
    workers.push(...(await Promise.all([spawnWorker(env), spawnWorker(env)])));
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await world?.close();
  });

  it('completes a bulk start with every item succeeded although a worker was SIGKILLed during it', async () => {
    const ids: string[] = [];
    for (let n = 0; n < BOTS; n += 1) ids.push((await world.createBot()).id);
    const res = await request(world.api.url)
      .post('/api/v1/bulk/bots/start')
      .set(authHeader(world.operator))
      .send({ botIds: ids })
      .expect(202);
    const operationId = (res.body as { operationId: string }).operationId;

    // Kill a worker once it holds bots, some are online and others are still to come.
    const redis = new Redis(
      world.env.REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      {
        keyPrefix: world.env.REDIS_KEY_PREFIX,
      },
    );
    const victim = workers[0];
    try {
      await eventually(
        'the operation under way with bots on the first worker',
        async () => {
          const holders = await redis.mget(...ids.map(leaseKey));
          expect(holders.some((holder) => holder?.includes(`-${victim.pid}-`))).toBe(true);
          const operation = await getOperation(world.api, world.operator, operationId);
          expect(operation.totals.succeeded).toBeGreaterThan(0);
        },
        { timeoutMs: 30_000, intervalMs: 50 },
      );
    } finally {
      redis.disconnect();
    }
    victim.kill('SIGKILL');
    await victim.exited;
    const midway: BulkOperation = await getOperation(world.api, world.operator, operationId);

    const operation = await waitForCompletion(world.api, world.operator, operationId, 90_000);
    expect({ midwayPending: midway.totals.pending > 0, totals: operation.totals }).toEqual({
      midwayPending: true,
      totals: { total: BOTS, pending: 0, succeeded: BOTS, failed: 0 },
    });
    expect(operation.status).toBe('completed');
    // Bots that were online on the killed worker were settled before it died; the survivor
    // takes their leases over and logs them in again within the lease TTL.
    const sessions = await until(
      'every bot connected again',
      () => world.connectedSessions(),
      (connected) => connected.size === BOTS,
      { timeoutMs: 15_000 },
    );
    expect(sessions.size).toBe(BOTS);
    expect([...sessions.values()].every((count) => count === 1)).toBe(true);
  });
});
