import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import type { TestApi } from '../support/api';
import { authHeader } from '../support/auth';
import { eventually } from '../support/eventually';

/** A token shaped like Discord's that no sandbox or Discord knows. */
export const UNKNOWN_TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.fake-token-for-bulk-tests';

export interface BulkItem {
  botId: string;
  status: 'pending' | 'succeeded' | 'failed';
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: string | null;
}

export interface BulkOperation {
  id: string;
  kind: 'start' | 'stop' | 'restart';
  status: 'pending' | 'running' | 'completed';
  selection: { botIds?: string[]; tags?: string[] };
  totals: { total: number; pending: number; succeeded: number; failed: number };
  items: BulkItem[];
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;

export async function createBot(
  api: TestApi,
  token: string,
  body: { token?: string; tags?: string[]; name?: string } = {},
): Promise<string> {
  const res = await request(api.url)
    .post('/api/v1/bots')
    .set(authHeader(token))
    .send({ name: unique('bulk-bot'), token: UNKNOWN_TOKEN, ...body });
  if (res.status !== 201) throw new Error(`bot create: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

export async function getOperation(api: TestApi, token: string, id: string) {
  const res = await request(api.url)
    .get(`/api/v1/bulk/operations/${id}`)
    .set(authHeader(token))
    .expect(200);
  return res.body as BulkOperation;
}

/** Polls the operation until it completes; on timeout, fails showing its last state. */
export function waitForCompletion(
  api: TestApi,
  token: string,
  id: string,
  timeoutMs = 60_000,
): Promise<BulkOperation> {
  return eventually(
    `bulk operation ${id} to complete`,
    async () => {
      const operation = await getOperation(api, token, id);
      if (operation.status !== 'completed') throw new Error(JSON.stringify(operation));
      return operation;
    },
    { timeoutMs, intervalMs: 200 },
  );
}

/** The real worker module, in this process (no bots run in it unless the runtime is wired). */
export async function startWorker(): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  return worker;
}
