import type { OperationProgressEvent } from '@botdeck/bulk-operations';
import { EventBus } from '@botdeck/core';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { createBot, startWorker, waitForCompletion } from './bulk-support';

/** The worker half: items settled by the real worker module, results and progress recorded. */
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

  it('leaves a finished item as it is when a later status of its bot arrives', async () => {
    const botId = await createBot(api, operator);
    const res = await request(api.url)
      .post('/api/v1/bulk/bots/stop')
      .set(authHeader(operator))
      .send({ botIds: [botId] })
      .expect(202);
    const id = res.body.operationId as string;
    const before = await waitForCompletion(api, operator, id, 30_000);
    expect(before.totals).toMatchObject({ succeeded: 1, pending: 0 });

    // A status that would fail a pending item, then a second operation on the same bot: once
    // that one has completed, the worker has handled the stray status too (events arrive in
    // order on one subscription).
    await api.app.get(EventBus).publish('bot.status', {
      botId,
      name: 'late',
      status: 'error',
      reason: 'late news',
      workerId: null,
    });
    const second = await request(api.url)
      .post('/api/v1/bulk/bots/stop')
      .set(authHeader(operator))
      .send({ botIds: [botId] })
      .expect(202);
    await waitForCompletion(api, operator, second.body.operationId as string, 30_000);
    const after = await waitForCompletion(api, operator, id, 1_000);
    expect(after.totals).toEqual(before.totals);
    expect(after.items).toEqual(before.items);
  });
});
