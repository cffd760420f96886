import { AuditEntryDto, AuditWriter } from '@botdeck/audit';
import type { Page } from '@botdeck/core';
import { Client } from 'pg';
import request from 'supertest';
import type { TestApi } from '../support/api';
import { authHeader } from '../support/auth';

/** Writes every batched audit entry now, so a test can read what it just caused. */
export async function flushAudit(api: TestApi): Promise<void> {
  await api.app.get(AuditWriter).flush();
}

/** GET /audit as `token` with `query`, after flushing the writer; expects 200. */
export async function listAudit(
  api: TestApi,
  token: string,
  query: Record<string, string | number>,
): Promise<Page<AuditEntryDto>> {
  await flushAudit(api);
  const res = await request(api.url)
    .get('/api/v1/audit')
    .query(query)
    .set(authHeader(token))
    .expect(200);
  return res.body as Page<AuditEntryDto>;
}

/** A direct connection to this run's database, for what the API deliberately cannot do. */
export async function connectDatabase(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

export function uniqueRequestId(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
