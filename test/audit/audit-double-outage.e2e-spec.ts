import { AuditMetrics } from '@botdeck/audit';
import type { Client } from 'pg';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { eventually, sleep } from '../support/eventually';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';
import { connectDatabase, uniqueRequestId } from './audit-support';

function proxyFor(url: URL, defaultPort: number): Promise<TcpProxy> {
  return TcpProxy.start({ host: url.hostname, port: Number(url.port || defaultPort) });
}

/**
 * PostgreSQL and Redis are both away: entries wait in the API's bounded memory buffer and are
 * written once the services return, and no request hangs meanwhile.
 */
describe('audit: entries survive PostgreSQL and Redis being away together', () => {
  let api: TestApi;
  let db: Client;
  let postgres: TcpProxy;
  let redis: TcpProxy;

  beforeAll(async () => {
    const pgUrl = new URL(process.env.DATABASE_URL!);
    const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    postgres = await proxyFor(pgUrl, 5432);
    redis = await proxyFor(redisUrl, 6379);
    api = await startApi({
      DATABASE_URL: throughProxy(pgUrl.toString(), postgres),
      REDIS_URL: throughProxy(redisUrl.toString(), redis),
    });
    db = await connectDatabase();
  });
  afterAll(async () => {
    await postgres.restore();
    await redis.restore();
    await db.end();
    await api.close();
    await Promise.all([postgres.close(), redis.close()]);
  });

  it('holds the entries in memory and writes them once both are back', async () => {
    const metrics = api.app.get(AuditMetrics);
    const ids: string[] = [];
    await postgres.cut('refuse');
    await redis.cut('refuse');
    try {
      // Refused without a token: answered without PostgreSQL or Redis, recorded as denied.
      for (let n = 0; n < 8; n += 1) {
        const requestId = uniqueRequestId(`double-outage-${n}`);
        ids.push(requestId);
        await request(api.url)
          .delete('/api/v1/users/00000000-0000-4000-8000-000000000000')
          .set('X-Request-Id', requestId)
          .timeout(5_000)
          .expect(401);
        await sleep(100);
      }
      await eventually('the entries held in memory', () => {
        expect(metrics.snapshot().bufferedNow).toBeGreaterThanOrEqual(ids.length);
      });
    } finally {
      await redis.restore();
      await postgres.restore();
    }

    await eventually(
      'every entry in audit_entries',
      async () => {
        const { rows } = await db.query<{ outcome: string }>(
          'SELECT outcome FROM audit_entries WHERE request_id = ANY($1)',
          [ids],
        );
        expect(rows).toHaveLength(ids.length);
        expect(new Set(rows.map((row) => row.outcome))).toEqual(new Set(['denied']));
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(metrics.snapshot()).toMatchObject({ bufferedNow: 0, dropped: 0 });
  });
});
