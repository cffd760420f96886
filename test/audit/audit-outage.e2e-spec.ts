import { AuditMetrics } from '@botdeck/audit';
import type { Client } from 'pg';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs, LoggedIn } from '../support/auth';
import { eventually, sleep } from '../support/eventually';
import { connectDatabase, uniqueRequestId } from './audit-support';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';

/**
 * PostgreSQL goes away while admins keep making changes. The changes cannot commit, so the
 * requests fail, but each must leave its (failure) entry: spooled in Redis during the outage
 * and written once PostgreSQL is back. Before the fix every one was lost (29 of 29).
 */
describe('audit: entries survive a PostgreSQL outage', () => {
  let api: TestApi;
  let admin: LoggedIn;
  let db: Client;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const direct = new URL(process.env.DATABASE_URL!);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    api = await startApi({ DATABASE_URL: throughProxy(direct.toString(), proxy) });
    admin = await loginAs(api, 'admin');
    db = await connectDatabase();
  });
  afterAll(async () => {
    await proxy.restore();
    await db.end();
    await api.close();
    await proxy.close();
  });

  it('writes the entry of every request made during the outage once PostgreSQL returns', async () => {
    const sent: Array<{ requestId: string; signedIn: boolean; status: number }> = [];
    await proxy.cut('refuse');
    try {
      // Requests spread over a few seconds, so the drainer runs (and fails) during the cut.
      for (let n = 0; n < 20; n += 1) {
        const requestId = uniqueRequestId(`outage-${n}`);
        // One in four comes without a token: refused (401) without the database, it is denied.
        const signedIn = n % 4 !== 3;
        const res = await request(api.url)
          .post('/api/v1/users')
          .set(signedIn ? authHeader(admin.accessToken) : {})
          .set('X-Request-Id', requestId)
          .send({
            email: `${requestId}@botdeck.test`,
            password: 'a-long-enough-password',
            role: 'viewer',
          });
        sent.push({ requestId, signedIn, status: res.status });
        await sleep(150);
      }
    } finally {
      await proxy.restore();
    }
    const ids = sent.map((one) => one.requestId);
    for (const one of sent) {
      if (one.signedIn) expect(one.status).toBeGreaterThanOrEqual(500);
      else expect(one.status).toBe(401);
    }

    const stored = await eventually(
      'every outage entry in audit_entries',
      async () => {
        const { rows } = await db.query<{
          request_id: string;
          outcome: string;
          status_code: number;
        }>(
          'SELECT request_id, outcome, status_code FROM audit_entries WHERE request_id = ANY($1)',
          [ids],
        );
        expect(rows).toHaveLength(ids.length);
        return rows;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(stored.map((row) => row.request_id).sort()).toEqual([...ids].sort());
    for (const one of sent) {
      const row = stored.find((candidate) => candidate.request_id === one.requestId);
      if (one.signedIn) {
        expect(row).toMatchObject({ outcome: 'failure', status_code: one.status });
      } else {
        expect(row).toMatchObject({ outcome: 'denied', status_code: 401 });
      }
    }
    expect(api.app.get(AuditMetrics).snapshot().spooled).toBeGreaterThanOrEqual(ids.length);
    // None of the changes committed, so no success entry may claim otherwise.
    const { rows: users } = await db.query('SELECT id FROM users WHERE email = ANY($1)', [
      ids.map((id) => `${id}@botdeck.test`),
    ]);
    expect(users).toEqual([]);
  });
});
