import type { Client } from 'pg';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { connectDatabase, uniqueRequestId } from './audit-support';

describe('audit: graceful shutdown', () => {
  let api: TestApi | undefined;
  let db: Client;

  beforeAll(async () => {
    db = await connectDatabase();
  });
  afterAll(async () => {
    await db.end();
    await api?.close();
  });

  it('writes every entry recorded just before the app closes', async () => {
    api = await startApi();
    const admin = await loginAs(api, 'admin');
    const viewer = await loginAs(api, 'viewer');
    const ids = Array.from({ length: 60 }, (_, n) => uniqueRequestId(`shutdown-${n}`));

    // Successes, failures and refusals, all answered before close() starts.
    await Promise.all(
      ids.map((id, n) => {
        const call = request(api!.url).post('/api/v1/users').set('X-Request-Id', id);
        if (n % 3 === 0) {
          return call
            .set(authHeader(admin.accessToken))
            .send({
              email: `${id}@botdeck.test`,
              password: 'a-long-enough-password',
              role: 'viewer',
            })
            .expect(201);
        }
        if (n % 3 === 1) {
          return call.set(authHeader(admin.accessToken)).send({ email: 'bad' }).expect(400);
        }
        return call.set(authHeader(viewer.accessToken)).send({}).expect(403);
      }),
    );
    const closing = api;
    api = undefined;
    await closing.close();

    const { rows } = await db.query(
      'SELECT outcome, count(*)::int AS n FROM audit_entries WHERE request_id = ANY($1) GROUP BY outcome ORDER BY outcome',
      [ids],
    );
    expect(rows).toEqual([
      { outcome: 'denied', n: 20 },
      { outcome: 'failure', n: 20 },
      { outcome: 'success', n: 20 },
    ]);
  });
});
