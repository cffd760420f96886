import { EventBus, type EventEnvelope } from '@botdeck/core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { eventually, until } from '../support/eventually';
import { type BulkOperation, createBot, getOperation, unique } from './bulk-support';

/**
 * The API half of bulk operations, with no worker running: what is written, how input is
 * checked, idempotency and auditing. Its Redis prefix is its own, so no worker from another
 * test file settles these operations.
 */
describe('bulk operations: accepting requests', () => {
  let api: TestApi;
  let operator: string;
  let otherOperator: string;
  let viewer: string;

  beforeAll(async () => {
    api = await startApi({ REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}bulk-api:` });
    [operator, otherOperator, viewer] = (
      await Promise.all([
        loginAs(api, 'operator'),
        loginAs(api, 'operator'),
        loginAs(api, 'viewer'),
      ])
    ).map((login) => login.accessToken);
  });
  afterAll(() => api.close());

  const post = (kind: string, body: unknown, token = operator, key?: string) => {
    const req = request(api.url).post(`/api/v1/bulk/bots/${kind}`).set(authHeader(token));
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body as object);
  };

  const desiredStates = async (ids: string[]) =>
    Promise.all(
      ids.map(async (id) => {
        const res = await request(api.url)
          .get(`/api/v1/bots/${id}`)
          .set(authHeader(viewer))
          .expect(200);
        return (res.body as { desiredState: string }).desiredState;
      }),
    );

  it('writes the operation and the desired state of every known bot, failing an unknown id alone', async () => {
    const known = [await createBot(api, operator), await createBot(api, operator)];
    const unknown = randomUUID();
    const res = await post('start', { botIds: [known[0], unknown, known[1]] });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ operationId: expect.any(String) });

    const operation = await getOperation(api, viewer, res.body.operationId);
    expect(operation).toMatchObject({
      kind: 'start',
      status: 'pending',
      selection: { botIds: [known[0], unknown, known[1]] },
      totals: { total: 3, pending: 2, succeeded: 0, failed: 1 },
    });
    expect(operation.items).toEqual([
      expect.objectContaining({ botId: known[0], status: 'pending', errorCode: null }),
      expect.objectContaining({ botId: unknown, status: 'failed', errorCode: 'BOT_NOT_FOUND' }),
      expect.objectContaining({ botId: known[1], status: 'pending', finishedAt: null }),
    ]);
    expect(operation.items[1]?.finishedAt).toEqual(expect.any(String));

    // Written in the transaction that created the operation: no job carries them later.
    expect(await desiredStates(known)).toEqual(['running', 'running']);
  });

  it('completes at once when no id is known, and 404s an unknown operation', async () => {
    const res = await post('stop', { botIds: [randomUUID(), randomUUID()] }).expect(202);
    const operation = await getOperation(api, viewer, res.body.operationId);
    expect(operation.status).toBe('completed');
    expect(operation.totals).toEqual({ total: 2, pending: 0, succeeded: 0, failed: 2 });
    expect(operation.completedAt).toEqual(expect.any(String));

    const missing = await request(api.url)
      .get(`/api/v1/bulk/operations/${randomUUID()}`)
      .set(authHeader(viewer));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('BULK_OPERATION_NOT_FOUND');
  });

  it('selects bots by tag (any of the tags) and refuses a tag no bot carries', async () => {
    const tag = unique('t').toLowerCase().slice(0, 30);
    const other = unique('u').toLowerCase().slice(0, 30);
    const tagged = [
      await createBot(api, operator, { tags: [tag] }),
      await createBot(api, operator, { tags: ['x', other] }),
    ];
    await createBot(api, operator, { tags: ['x'] });
    const res = await post('restart', { tags: [tag, other] }).expect(202);
    const operation = await getOperation(api, operator, res.body.operationId);
    expect(operation.selection).toEqual({ tags: [tag, other] });
    expect(operation.items.map((item) => item.botId)).toEqual(tagged);
    expect(operation.totals).toMatchObject({ total: 2, pending: 2 });

    const none = await post('restart', { tags: [unique('none').toLowerCase().slice(0, 30)] });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('BULK_SELECTION_EMPTY');
  });

  it('refuses tags that match more than 500 bots', async () => {
    const tag = unique('many').toLowerCase().slice(0, 30);
    // Rows straight into the table: 501 bots through the API would only make the test slow.
    await api.app.get(DataSource).query(
      `INSERT INTO bots (id, name, token_key_id, token_sealed, token_last4, tags)
       SELECT gen_random_uuid(), $1 || '-' || n, 'test-1', '\\x00', 'abcd', ARRAY[$1]
         FROM generate_series(1, 501) AS n`,
      [tag],
    );
    try {
      const res = await post('start', { tags: [tag] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'BULK_SELECTION_TOO_LARGE',
        details: { matched: 501, max: 500 },
      });
    } finally {
      // Other suites list bots in this database.
      await api.app.get(DataSource).query('DELETE FROM bots WHERE $1 = ANY(tags)', [tag]);
    }
  });

  it('answers a retried request with the same operation and refuses the key with another body', async () => {
    const botId = await createBot(api, operator);
    const key = unique('key');
    const first = await post('start', { botIds: [botId] }, operator, key).expect(202);
    const again = await post('start', { botIds: [botId] }, operator, key).expect(202);
    expect(again.body.operationId).toBe(first.body.operationId);
    const rows = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM bulk_operations WHERE idempotency_key = $1', [key]);
    expect(rows[0].n).toBe(1);

    const reused = await post('start', { botIds: [botId, randomUUID()] }, operator, key);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: { operationId: first.body.operationId },
    });
    // Same body on another route is another request too.
    expect((await post('stop', { botIds: [botId] }, operator, key)).status).toBe(409);
    // Keys belong to their actor: another operator's identical key is a new operation.
    const foreign = await post('start', { botIds: [botId] }, otherOperator, key).expect(202);
    expect(foreign.body.operationId).not.toBe(first.body.operationId);
  });

  it('nudges the workers once for the whole selection, and not again on a replay', async () => {
    const bots = [await createBot(api, operator), await createBot(api, operator)];
    const nudges: string[] = [];
    const unsubscribe = await api.app
      .get(EventBus)
      .subscribe('bot.desired', (event) => void nudges.push(event.payload.botId));
    try {
      const key = unique('nudge');
      const first = await post('stop', { botIds: bots }, operator, key).expect(202);
      const again = await post('stop', { botIds: bots }, operator, key).expect(202);
      expect(again.body.operationId).toBe(first.body.operationId);
      // A third request's nudge marks the end of the first two's in the event stream.
      const marker = await createBot(api, operator);
      await post('start', { botIds: [marker] }).expect(202);
      await eventually('the nudge of the marker', () => expect(nudges).toContain(marker));
      expect(nudges.filter((botId) => bots.includes(botId))).toHaveLength(1);
      expect(await desiredStates(bots)).toEqual(['stopped', 'stopped']);
    } finally {
      unsubscribe();
    }
  });

  it('gives concurrent requests with one key one operation', async () => {
    const botId = await createBot(api, operator);
    const key = unique('race');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post('start', { botIds: [botId] }, operator, key)),
    );
    expect(answers.map((res) => res.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((res) => res.body.operationId as string)).size).toBe(1);
  });

  it('lists operations newest first, filtered by kind, page by page', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const res = await post('restart', { botIds: [randomUUID()] }).expect(202);
      ids.push(res.body.operationId as string);
    }
    const list = async (query: string) =>
      (
        await request(api.url)
          .get(`/api/v1/bulk/operations?${query}`)
          .set(authHeader(viewer))
          .expect(200)
      ).body as { items: Array<BulkOperation>; nextCursor: string | null };
    const first = await list('kind=restart&limit=2');
    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({
      kind: 'restart',
      status: 'completed',
      totals: { total: 1, failed: 1 },
    });
    expect(first.items[0]?.items).toBeUndefined();
    const second = await list(`kind=restart&limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0]?.id).toBe(ids[0]);
    const bad = await request(api.url)
      .get('/api/v1/bulk/operations?kind=explode')
      .set(authHeader(viewer));
    expect(bad.status).toBe(400);
  });

  it('refuses bad input with field-level details', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{}, 'botIds', /either botIds or tags/],
      [{ botIds: [randomUUID()], tags: ['eu'] }, 'botIds', /not both/],
      [{ botIds: Array.from({ length: 501 }, () => randomUUID()) }, 'botIds', /no more than 500/],
      [{ botIds: [randomUUID(), 'not-a-uuid'] }, 'botIds', /UUID/],
      [{ botIds: [] }, 'botIds', /empty/],
      [{ tags: ['Not A Tag'] }, 'tags', /lower-case/],
    ];
    for (const [body, field, message] of cases) {
      const res = await post('start', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const detail = (res.body.details as Array<{ field: string; messages: string[] }>).find(
        (entry) => entry.field === field,
      );
      expect(detail?.messages.join(' ')).toMatch(message);
    }
    const badKey = await post('start', { botIds: [randomUUID()] }, operator, 'has space');
    expect(badKey.status).toBe(400);
    expect(badKey.body.details).toEqual([
      { field: 'Idempotency-Key', messages: [expect.stringMatching(/printable/)] },
    ]);
  });

  it('lets operators create and viewers only read', async () => {
    const res = await post('start', { botIds: [randomUUID()] }, viewer);
    expect(res.status).toBe(403);
    const created = await post('start', { botIds: [randomUUID()] }).expect(202);
    expect((await getOperation(api, viewer, created.body.operationId)).id).toBe(
      created.body.operationId,
    );
  });

  it('audits each request with the bots it touches, and announces the new operation', async () => {
    const events: EventEnvelope<'operation.progress'>[] = [];
    const unsubscribe = await api.app
      .get(EventBus)
      .subscribe('operation.progress', (event) => void events.push(event));
    const bots = [await createBot(api, operator), await createBot(api, operator)];
    const res = await post('stop', { botIds: bots }).expect(202);
    const id = res.body.operationId as string;

    const db = api.app.get(DataSource);
    const rows = await until(
      'the audit entry of the bulk stop',
      () =>
        db.query<Array<{ action: string; resource_type: string; after: Record<string, unknown> }>>(
          'SELECT action, resource_type, after FROM audit_entries WHERE resource_id = $1',
          [id],
        ),
      (found) => found.length > 0,
      { timeoutMs: 5_000, intervalMs: 100 },
    );
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'bulk.bots.stop',
        resource_type: 'bulk_operation',
        after: expect.objectContaining({ operationId: id, kind: 'stop', botIds: bots }),
      }),
    ]);
    await until(
      'the operation.progress event',
      () => events.some((e) => e.payload.operationId === id),
      (seen) => seen,
      { timeoutMs: 2_500 },
    );
    unsubscribe();
    expect(events.find((e) => e.payload.operationId === id)?.payload).toEqual({
      operationId: id,
      kind: 'stop',
      status: 'pending',
      totals: { total: 2, pending: 2, succeeded: 0, failed: 0 },
    });
  });
});
