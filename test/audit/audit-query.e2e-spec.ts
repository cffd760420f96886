import type { Client } from 'pg';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs, LoggedIn } from '../support/auth';
import { connectDatabase, listAudit } from './audit-support';

describe('audit: reading the trail', () => {
  let api: TestApi;
  let admin: LoggedIn;
  /** A second admin whose only user.create requests are the four below (three succeed). */
  let author: LoggedIn;
  let createdIds: string[];
  let db: Client;
  // Signing in is audited too; these tests look at the author's user creations only.
  const byAuthor = () => ({ actorId: author.user.id, action: 'user.create' });

  beforeAll(async () => {
    api = await startApi();
    [admin, author] = await Promise.all([loginAs(api, 'admin'), loginAs(api, 'admin')]);
    db = await connectDatabase();
    createdIds = [];
    for (let n = 0; n < 3; n += 1) {
      const res = await request(api.url)
        .post('/api/v1/users')
        .set(authHeader(author.accessToken))
        .send({
          email: `page-${n}-${Date.now()}@botdeck.test`,
          password: 'a-long-enough-password',
          role: 'viewer',
        })
        .expect(201);
      createdIds.push(res.body.id);
    }
    await request(api.url)
      .post('/api/v1/users')
      .set(authHeader(author.accessToken))
      .send({ email: 'bad' })
      .expect(400);
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  it('pages through one actor’s entries newest first with a cursor', async () => {
    const first = await listAudit(api, admin.accessToken, { ...byAuthor(), limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = await listAudit(api, admin.accessToken, {
      ...byAuthor(),
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();

    const all = [...first.items, ...second.items];
    expect(new Set(all.map((item) => item.id)).size).toBe(4);
    const times = all.map((item) => Date.parse(item.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.map((item) => item.outcome)).toEqual(['failure', 'success', 'success', 'success']);
    expect(all.slice(1).map((item) => item.resourceId)).toEqual([...createdIds].reverse());
  });

  it('filters by action, outcome and resource', async () => {
    const failures = await listAudit(api, admin.accessToken, {
      ...byAuthor(),
      outcome: 'failure',
    });
    expect(failures.items.map((item) => item.errorCode)).toEqual(['VALIDATION_FAILED']);

    const creations = await listAudit(api, admin.accessToken, {
      actorId: author.user.id,
      action: 'user.create',
      outcome: 'success',
    });
    expect(creations.items).toHaveLength(3);

    const one = await listAudit(api, admin.accessToken, {
      resourceType: 'user',
      resourceId: createdIds[1],
    });
    expect(one.items.map((item) => item.resourceId)).toEqual([createdIds[1]]);

    const none = await listAudit(api, admin.accessToken, {
      actorId: author.user.id,
      action: 'user.delete',
    });
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it('filters by time range, both ends inclusive', async () => {
    const { items } = await listAudit(api, admin.accessToken, byAuthor());
    const oldest = items[items.length - 1].createdAt;
    const newest = items[0].createdAt;

    const exact = await listAudit(api, admin.accessToken, {
      ...byAuthor(),
      from: oldest,
      to: oldest,
    });
    expect(exact.items.map((item) => item.createdAt)).toEqual([oldest]);

    const after = await listAudit(api, admin.accessToken, {
      ...byAuthor(),
      from: new Date(Date.parse(newest) + 1).toISOString(),
    });
    expect(after.items).toEqual([]);

    const before = await listAudit(api, admin.accessToken, {
      ...byAuthor(),
      to: newest,
    });
    expect(before.items).toHaveLength(4);
  });

  it.each([
    [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
    [{ actorId: 'not-a-uuid' }, 'actorId'],
    [{ outcome: 'maybe' }, 'outcome'],
    [{ from: 'yesterday' }, 'from'],
  ])('rejects %o with 400 VALIDATION_FAILED naming %s', async (query, field) => {
    const res = await request(api.url)
      .get('/api/v1/audit')
      .query(query)
      .set(authHeader(admin.accessToken))
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('rejects a garbage cursor with 400 INVALID_CURSOR naming the cursor', async () => {
    const res = await request(api.url)
      .get('/api/v1/audit')
      .query({ cursor: 'garbage' })
      .set(authHeader(admin.accessToken))
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_CURSOR' });
    expect(res.body.details).toEqual([{ field: 'cursor', messages: ['cursor is not valid'] }]);
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are rejected', async () => {
    const id = createdIds[0];
    await expect(
      db.query(`UPDATE audit_entries SET action = 'forged' WHERE resource_id = $1`, [id]),
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(
      db.query('DELETE FROM audit_entries WHERE resource_id = $1', [id]),
    ).rejects.toThrow(/append-only: DELETE/);
    await expect(db.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only: TRUNCATE/);

    const { rows } = await db.query(
      'SELECT action FROM audit_entries WHERE resource_id = $1 AND outcome = $2',
      [id, 'success'],
    );
    expect(rows).toEqual([{ action: 'user.create' }]);
  });

  it('offers no route that changes the trail', async () => {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const agent = request(api.url);
      const res = await agent[method]('/api/v1/audit').set(authHeader(admin.accessToken));
      expect(res.status).toBe(405);
    }
  });
});
