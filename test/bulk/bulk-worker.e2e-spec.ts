import {
  BULK_LIFECYCLE_QUEUE,
  bulkJobId,
  type BulkLifecycleJob,
  type OperationProgressEvent,
} from '@botdeck/bulk-operations';
import { EventBus } from '@botdeck/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { type Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { createBot, startWorker, waitForCompletion } from './bulk-support';

/** The worker half: jobs consumed by the real worker module, results and progress recorded. */
describe('bulk operations: carrying them out', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let operator: string;
  const progress: OperationProgressEvent[] = [];
  let unsubscribe: () => void;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    operator = (await loginAs(api, 'operator')).accessToken;
    unsubscribe = await api.app
      .get(EventBus)
      .subscribe('operation.progress', (event) => void progress.push(event.payload));
  });
  afterAll(async () => {
    unsubscribe();
    await worker.close();
    await api.close();
  });

  it('stops stopped bots as successes, fails an unknown id alone and completes', async () => {
    const bots = [
      await createBot(api, operator),
      await createBot(api, operator),
      await createBot(api, operator),
    ];
    const unknown = randomUUID();
    const res = await request(api.url)
      .post('/api/v1/bulk/bots/stop')
      .set(authHeader(operator))
      .send({ botIds: [...bots, unknown] })
      .expect(202);
    const id = res.body.operationId as string;

    const operation = await waitForCompletion(api, operator, id, 30_000);
    expect(operation.status).toBe('completed');
    expect(operation.totals).toEqual({ total: 4, pending: 0, succeeded: 3, failed: 1 });
    expect(operation.items.map((item) => [item.botId, item.status, item.errorCode])).toEqual([
      ...bots.map((botId) => [botId, 'succeeded', null]),
      [unknown, 'failed', 'BOT_NOT_FOUND'],
    ]);
    expect(operation.startedAt).toEqual(expect.any(String));
    expect(operation.completedAt).toEqual(expect.any(String));

    // Every item announced its result; the last announcement says the operation completed.
    const mine = progress.filter((event) => event.operationId === id && event.item);
    expect(mine.map((event) => event.item?.botId).sort()).toEqual([...bots].sort());
    expect(mine.map((event) => event.totals.pending).sort()).toEqual([0, 1, 2]);
    expect(mine.find((event) => event.totals.pending === 0)?.status).toBe('completed');
  });

  it('does nothing when a job for a finished item runs again', async () => {
    const botId = await createBot(api, operator);
    const res = await request(api.url)
      .post('/api/v1/bulk/bots/stop')
      .set(authHeader(operator))
      .send({ botIds: [botId] })
      .expect(202);
    const id = res.body.operationId as string;
    const before = await waitForCompletion(api, operator, id, 30_000);
    expect(before.totals).toMatchObject({ succeeded: 1, pending: 0 });

    const queue = api.app.get<Queue<BulkLifecycleJob>>(getQueueToken(BULK_LIFECYCLE_QUEUE));
    const events = new QueueEvents(queue.name, {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
    });
    try {
      await events.waitUntilReady();
      const again = await queue.add(
        'stop',
        { operationId: id, botId, kind: 'stop' },
        { jobId: `${bulkJobId(id, botId)}.again` },
      );
      await expect(again.waitUntilFinished(events, 30_000)).resolves.toBe('already finished');
    } finally {
      await events.close();
    }
    const after = await waitForCompletion(api, operator, id, 1_000);
    expect(after.totals).toEqual(before.totals);
    expect(after.items).toEqual(before.items);
  });
});
