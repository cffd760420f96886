import { REDACTED } from '@botdeck/audit';
import type { Client } from 'pg';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs, LoggedIn } from '../support/auth';
import { connectDatabase, flushAudit, uniqueRequestId } from './audit-support';

interface StoredEntry {
  request_id: string;
  action: string;
  outcome: string;
  resource_id: string | null;
  path: string;
  after: unknown;
}

/**
 * Hostile input must neither vanish from the trail nor take anyone else's entry with it. Before
 * the fix, PostgreSQL refused the lone surrogate (jsonb) or the NUL (text) of one entry and the
 * whole batch went with it: an admin's user.create made at the same moment was lost 5 times
 * out of 5.
 */
describe('audit: hostile input cannot poison the trail', () => {
  let api: TestApi;
  let admin: LoggedIn;
  let db: Client;

  beforeAll(async () => {
    api = await startApi();
    admin = await loginAs(api, 'admin');
    db = await connectDatabase();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  async function entries(requestIds: string[]): Promise<Map<string, StoredEntry>> {
    await flushAudit(api);
    const { rows } = await db.query<StoredEntry>(
      'SELECT request_id, action, outcome, resource_id, path, after FROM audit_entries WHERE request_id = ANY($1)',
      [requestIds],
    );
    return new Map(rows.map((row) => [row.request_id, row]));
  }

  /** One unauthenticated request with a lone surrogate in its body and one with a NUL in its path. */
  async function hostilePair(label: string): Promise<{ surrogate: string; nul: string }> {
    const ids = {
      surrogate: uniqueRequestId(`${label}-surrogate`),
      nul: uniqueRequestId(`${label}-nul`),
    };
    const [surrogate, nul] = await Promise.all([
      request(api.url)
        .post('/api/v1/bots')
        .set('X-Request-Id', ids.surrogate)
        .set('Content-Type', 'application/json')
        .send('{"name":"\\ud800"}'),
      request(api.url).post('/api/v1/bots/a%00b/start').set('X-Request-Id', ids.nul),
    ]);
    expect([surrogate.status, nul.status]).toEqual([401, 401]);
    return ids;
  }

  it.each([1, 2, 3, 4, 5])(
    "keeps an admin's user.create and a viewer's refusal made alongside hostile requests (round %i)",
    async () => {
      const createId = uniqueRequestId('poison-create');
      const deniedId = uniqueRequestId('poison-denied');
      const email = `${createId}@botdeck.test`;
      const viewer = await loginAs(api, 'viewer');

      // Hostile requests keep arriving while the legitimate ones are served and just after,
      // so their entries are recorded in the same moment (the same batch, before the fix).
      let served = false;
      const hostile: Array<{ surrogate: string; nul: string }> = [];
      const burst = (async () => {
        for (let after = 0; after < 3; after += served ? 1 : 0) {
          hostile.push(await hostilePair('poison'));
        }
      })();
      const [create, denied] = await Promise.all([
        request(api.url)
          .post('/api/v1/users')
          .set(authHeader(admin.accessToken))
          .set('X-Request-Id', createId)
          .send({ email, password: 'a-long-enough-password', role: 'viewer' }),
        request(api.url)
          .post('/api/v1/users')
          .set(authHeader(viewer.accessToken))
          .set('X-Request-Id', deniedId)
          .send({ email: `x-${email}`, password: 'a-long-enough-password', role: 'admin' }),
      ]).finally(() => (served = true));
      await burst;
      expect([create.status, denied.status]).toEqual([201, 403]);

      const hostileIds = hostile.flatMap((pair) => [pair.surrogate, pair.nul]);
      const stored = await entries([createId, deniedId, ...hostileIds]);
      expect(stored.get(createId)).toMatchObject({
        action: 'user.create',
        outcome: 'success',
        resource_id: create.body.id,
        after: { email, role: 'viewer' },
      });
      expect(stored.get(deniedId)).toMatchObject({ action: 'user.create', outcome: 'denied' });
      for (const pair of hostile) {
        expect(stored.get(pair.surrogate)).toMatchObject({
          action: 'bot.create',
          outcome: 'denied',
          after: { name: '\ufffd' },
        });
        expect(stored.get(pair.nul)).toMatchObject({
          action: 'bot.start',
          outcome: 'denied',
          resource_id: 'ab',
          path: '/api/v1/bots/a%00b/start',
        });
      }
    },
  );

  it('never stores a bot token sent under an unexpected key of a request that fails validation', async () => {
    const userId = '123456789012345678';
    const token = `${Buffer.from(userId).toString('base64url')}.GkPq3X.${'k3y'.repeat(12)}ab`;
    const operator = await loginAs(api, 'operator');
    const requestId = uniqueRequestId('token-under-auth');
    const res = await request(api.url)
      .post('/api/v1/bots')
      .set(authHeader(operator.accessToken))
      .set('X-Request-Id', requestId)
      .send({ name: 'leaky', auth: token, notes: `Bot ${token}` })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');

    const stored = (await entries([requestId])).get(requestId);
    expect(stored).toMatchObject({
      outcome: 'failure',
      after: { name: 'leaky', auth: REDACTED, notes: `Bot ${REDACTED}` },
    });
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_entries WHERE strpos(after::text, $1) > 0',
      [token],
    );
    expect(rows[0]?.n).toBe(0);
  });
});
