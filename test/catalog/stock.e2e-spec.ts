import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs, type LoggedIn } from '../support/auth';
import { until } from '../support/eventually';
import { createProduct, getProduct, recordEvents, uniquePrefix } from './catalog-support';

describe('catalog: stock changes and the ledger', () => {
  let api: TestApi;
  let operator: LoggedIn;
  let viewer: string;

  beforeAll(async () => {
    // 200 requests queue for 10 pooled connections behind one row lock; on a loaded machine
    // the wait can pass the default 2 s (a 503), which is not what this suite checks.
    api = await startApi({ DATABASE_CONNECT_TIMEOUT_MS: '30000' });
    operator = await loginAs(api, 'operator');
    viewer = (await loginAs(api, 'viewer')).accessToken;
  });
  afterAll(() => api.close());

  const change = (id: string, body: object) =>
    request(api.url)
      .post(`/api/v1/products/${id}/stock`)
      .set(authHeader(operator.accessToken))
      .send(body);
  const movements = async (id: string, query: Record<string, string> = {}) =>
    (
      await request(api.url)
        .get(`/api/v1/products/${id}/movements`)
        .query(query)
        .set(authHeader(viewer))
        .expect(200)
    ).body as { items: Record<string, unknown>[]; nextCursor: string | null };

  it('applies a delta and a set, each with a ledger row naming the actor', async () => {
    const product = await createProduct(api, operator.accessToken, {
      sku: uniquePrefix('S'),
      stock: 10,
    });
    const sold = await change(product.id, { delta: -3, reason: 'sold' }).expect(200);
    expect(sold.body).toEqual({
      productId: product.id,
      sku: product.sku,
      before: 10,
      after: 7,
      movement: {
        id: expect.stringMatching(/^\d+$/),
        productId: product.id,
        actorId: operator.user.id,
        delta: -3,
        quantity: 7,
        reason: 'sold',
        createdAt: expect.any(String),
      },
    });
    const counted = await change(product.id, { set: 40, reason: 'stocktake' }).expect(200);
    expect(counted.body).toMatchObject({
      before: 7,
      after: 40,
      movement: { delta: 33, quantity: 40 },
    });
    const after = await getProduct(api, viewer, product.id);
    expect(after).toMatchObject({ stock: 40, version: 1 });

    const ledger = await movements(product.id);
    expect(ledger.items.map((m) => [m.delta, m.quantity, m.reason, m.actorId])).toEqual([
      [33, 40, 'stocktake', operator.user.id],
      [-3, 7, 'sold', operator.user.id],
      [10, 10, 'initial stock', operator.user.id],
    ]);
    expect(ledger.items[0]).toEqual(counted.body.movement);
  });

  it('refuses to go below zero with 409 INSUFFICIENT_STOCK and changes nothing', async () => {
    const product = await createProduct(api, operator.accessToken, {
      sku: uniquePrefix('S'),
      stock: 2,
    });
    const res = await change(product.id, { delta: -3, reason: 'oversold' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { refused: [{ row: 0, productId: product.id, wouldBe: -1 }] },
    });
    expect((await getProduct(api, viewer, product.id)).stock).toBe(2);
    expect((await movements(product.id)).items).toHaveLength(1);

    const tooMany = await change(product.id, { delta: 1_000_000_000, reason: 'typo' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.code).toBe('STOCK_LIMIT_EXCEEDED');
  });

  it('keeps unlimited stock unlimited under deltas, and set gives it a quantity again', async () => {
    const product = await createProduct(api, operator.accessToken, {
      sku: uniquePrefix('U'),
      stock: null,
    });
    const sold = await change(product.id, { delta: -5, reason: 'sold' }).expect(200);
    expect(sold.body).toMatchObject({
      before: null,
      after: null,
      movement: { delta: -5, quantity: null },
    });
    const tracked = await change(product.id, { set: 8, reason: 'now counted' }).expect(200);
    expect(tracked.body).toMatchObject({
      before: null,
      after: 8,
      movement: { delta: null, quantity: 8 },
    });
    const again = await change(product.id, { set: null, reason: 'print on demand' }).expect(200);
    expect(again.body).toMatchObject({
      before: 8,
      after: null,
      movement: { delta: null, quantity: null },
    });
    expect((await getProduct(api, viewer, product.id)).stock).toBeNull();
  });

  it.each([
    [{ reason: 'neither' }, 'delta'],
    [{ delta: 1, set: 2, reason: 'both' }, 'delta'],
    [{ delta: 0, reason: 'zero' }, 'delta'],
    [{ delta: 1.5, reason: 'float' }, 'delta'],
    [{ delta: 2 ** 40, reason: 'huge' }, 'delta'],
    [{ set: -1, reason: 'negative' }, 'set'],
    [{ delta: 1 }, 'reason'],
    [{ delta: 1, reason: '   ' }, 'reason'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const product = await createProduct(api, operator.accessToken, {
      sku: uniquePrefix('V'),
      stock: 1,
    });
    const res = await change(product.id, body);
    expect(res.status).toBe(400);
    expect(
      (res.body.details as { field: string }[]).map((d: { field: string }) => d.field),
    ).toContain(field);
  });

  it('404s a stock change or a ledger read of an unknown product', async () => {
    const id = randomUUID();
    const res = await change(id, { delta: 1, reason: 'x' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('PRODUCT_NOT_FOUND');
    const ledger = await request(api.url)
      .get(`/api/v1/products/${id}/movements`)
      .set(authHeader(viewer));
    expect(ledger.status).toBe(404);
  });

  it('pages through the ledger newest first', async () => {
    const product = await createProduct(api, operator.accessToken, {
      sku: uniquePrefix('P'),
      stock: 0,
    });
    for (let i = 1; i <= 5; i++)
      await change(product.id, { delta: i, reason: `r${i}` }).expect(200);
    const reasons: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page = await movements(product.id, { limit: '2', ...(cursor ? { cursor } : {}) });
      reasons.push(...page.items.map((m) => m.reason));
      cursor = page.nextCursor;
    } while (cursor);
    expect(reasons).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
  });

  it('keeps the ledger append-only in the database itself', async () => {
    const product = await createProduct(api, operator.accessToken, {
      sku: uniquePrefix('L'),
      stock: 1,
    });
    const db = api.app.get(DataSource);
    await expect(
      db.query('UPDATE stock_movements SET delta = 100 WHERE product_id = $1', [product.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.query('DELETE FROM stock_movements WHERE product_id = $1', [product.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('never loses an update: 200 concurrent -1 on 100 in stock → 100 succeed, 100 × 409, 0 left, 100 ledger rows', async () => {
    const product = await createProduct(api, operator.accessToken, {
      sku: uniquePrefix('C'),
      stock: 100,
    });
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () =>
        change(product.id, { delta: -1, reason: 'rush' }).then((res) => res.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(statuses.filter((status) => status === 409)).toHaveLength(100);
    expect((await getProduct(api, viewer, product.id)).stock).toBe(0);
    const [row] = await api.app.get(DataSource).query(
      `SELECT count(*)::int AS n, count(DISTINCT quantity)::int AS distinct_quantities, min(quantity) AS min
           FROM stock_movements WHERE product_id = $1 AND reason = 'rush'`,
      [product.id],
    );
    // Every success left its own quantity behind: 99, 98, … 0.
    expect(row).toEqual({ n: 100, distinct_quantities: 100, min: 0 });
  });

  it('announces each committed change with before and after, and nothing for a refused one', async () => {
    const product = await createProduct(api, operator.accessToken, {
      sku: uniquePrefix('E'),
      category: 'evt',
      stock: 1,
      lowStockThreshold: 2,
    });
    const recorder = await recordEvents(api, 'catalog.stock.changed');
    try {
      await change(product.id, { delta: -1, reason: 'sold' }).expect(200);
      await change(product.id, { delta: -1, reason: 'oversold' }).expect(409);
      await change(product.id, { set: 5, reason: 'restock' }).expect(200);
      const mine = () =>
        recorder.events.flatMap((event) =>
          event.payload.changes.filter((c) => c.productId === product.id),
        );
      await until('two stock events', mine, (changes) => changes.length >= 2, { timeoutMs: 5_000 });
      const base = {
        productId: product.id,
        sku: product.sku,
        category: 'evt',
        lowStockThreshold: 2,
      };
      expect(mine()).toEqual([
        { ...base, before: 1, after: 0 },
        { ...base, before: 0, after: 5 },
      ]);
    } finally {
      recorder.stop();
    }
  });
});
