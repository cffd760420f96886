import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { until } from '../support/eventually';
import {
  createProduct,
  getProduct,
  type ProductBody,
  recordEvents,
  uniquePrefix,
} from './catalog-support';

describe('catalog: bulk changes', () => {
  let api: TestApi;
  let operator: string;
  let viewer: string;

  beforeAll(async () => {
    api = await startApi();
    [operator, viewer] = (
      await Promise.all([loginAs(api, 'operator'), loginAs(api, 'viewer')])
    ).map((login) => login.accessToken);
  });
  afterAll(() => api.close());

  const post = (path: string, body: unknown) =>
    request(api.url)
      .post(`/api/v1/bulk/products${path}`)
      .set(authHeader(operator))
      .send(body as object);

  const auditEntry = (requestId: string) =>
    until(
      'the audit entry',
      () =>
        api.app
          .get(DataSource)
          .query<{ action: string; outcome: string; after: Record<string, unknown> }[]>(
            'SELECT action, outcome, after FROM audit_entries WHERE request_id = $1',
            [requestId],
          ),
      (rows) => rows.length > 0,
      { timeoutMs: 5_000 },
    );

  const stockOf = async (ids: string[]) =>
    Promise.all(ids.map(async (id) => (await getProduct(api, viewer, id)).stock));

  describe('visibility', () => {
    it('hides products by id, reporting unknown ids, with one audit entry and one event', async () => {
      const [a, b] = [
        await createProduct(api, operator, { sku: uniquePrefix('VIS') }),
        await createProduct(api, operator, { sku: uniquePrefix('VIS'), visible: false }),
      ];
      const recorder = await recordEvents(api, 'catalog.products.changed');
      const unknown = randomUUID();
      const res = await post('/visibility', { productIds: [a.id, b.id, unknown], visible: false });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        matched: 2,
        changed: 1,
        unknownProductIds: [unknown],
        unknownSkus: [],
      });
      expect(await getProduct(api, viewer, a.id)).toMatchObject({ visible: false, version: 2 });
      expect((await getProduct(api, viewer, b.id)).version).toBe(1);
      const [entry] = await auditEntry(res.headers['x-request-id']);
      expect(entry).toMatchObject({
        action: 'bulk.products.visibility',
        outcome: 'success',
        after: { selection: { productIds: 3 }, visible: false, matched: 2, changed: 1, unknown: 1 },
      });
      await until(
        'the visibility event',
        () =>
          recorder.events.filter(
            (e) => e.payload.change === 'visibility' && e.payload.productIds.includes(a.id),
          ),
        (events) => events.length === 1,
        { timeoutMs: 5_000 },
      );
      recorder.stop();
    });

    it('selects by skus (ignoring case) or by category', async () => {
      const category = uniquePrefix('VisCat');
      const products = [
        await createProduct(api, operator, { sku: uniquePrefix('vis'), category }),
        await createProduct(api, operator, {
          sku: uniquePrefix('vis'),
          category: category.toUpperCase(),
        }),
      ];
      const bySku = await post('/visibility', {
        skus: [products[0].sku.toUpperCase(), 'no-such-sku'],
        visible: false,
      }).expect(200);
      expect(bySku.body).toMatchObject({ matched: 1, changed: 1, unknownSkus: ['no-such-sku'] });
      const byCategory = await post('/visibility', { category, visible: false }).expect(200);
      expect(byCategory.body).toMatchObject({ matched: 2, changed: 1 });
      const none = await post('/visibility', {
        category: uniquePrefix('empty'),
        visible: true,
      }).expect(200);
      expect(none.body).toMatchObject({ matched: 0, changed: 0 });
    });

    it.each([
      [{ visible: true }],
      [{ productIds: [randomUUID()], skus: ['a'], visible: true }],
      [{ skus: ['a'], category: 'x', visible: true }],
      [{ productIds: [], visible: true }],
      [{ productIds: ['nope'], visible: true }],
      [{ category: 'x' }],
    ])('refuses %j with 400', async (body) => {
      const res = await post('/visibility', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('upsert', () => {
    it('creates, updates and leaves alone by sku, keeping left-out fields, with ledger rows for stock', async () => {
      const prefix = uniquePrefix('UP');
      const existing = await createProduct(api, operator, {
        sku: `${prefix}-old`,
        description: 'kept',
        category: 'cat-a',
        stock: 5,
        emoji: '🧢',
      });
      const same = await createProduct(api, operator, {
        sku: `${prefix}-same`,
        name: 'Same',
        priceMinor: 10,
      });
      const stockEvents = await recordEvents(api, 'catalog.stock.changed');
      const res = await post('', {
        products: [
          { sku: `${prefix}-NEW`, name: 'New', priceMinor: 250, currency: 'jpy', stock: 7 },
          {
            sku: `${prefix}-OLD`,
            name: 'Renamed',
            priceMinor: 300,
            currency: 'EUR',
            stock: 9,
            category: 'cat-b',
          },
          { sku: `${prefix}-same`, name: 'Same', priceMinor: 10, currency: 'EUR' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
      expect(res.body.products).toEqual([
        { id: expect.any(String), sku: `${prefix}-NEW`, outcome: 'created' },
        { id: existing.id, sku: `${prefix}-OLD`, outcome: 'updated' },
        { id: same.id, sku: `${prefix}-same`, outcome: 'unchanged' },
      ]);
      const created = await getProduct(api, viewer, res.body.products[0].id as string);
      expect(created).toMatchObject({ currency: 'JPY', stock: 7, visible: true, version: 1 });
      expect(await getProduct(api, viewer, existing.id)).toMatchObject({
        sku: `${prefix}-OLD`,
        name: 'Renamed',
        description: 'kept',
        emoji: '🧢',
        category: 'cat-b',
        stock: 9,
        version: 2,
      });
      expect((await getProduct(api, viewer, same.id)).version).toBe(1);
      const ledger = await api.app
        .get(DataSource)
        .query(
          'SELECT delta, quantity, reason FROM stock_movements WHERE product_id = $1 ORDER BY id',
          [existing.id],
        );
      expect(ledger).toEqual([
        { delta: 5, quantity: 5, reason: 'initial stock' },
        { delta: 4, quantity: 9, reason: 'bulk upsert' },
      ]);
      const [entry] = await auditEntry(res.headers['x-request-id']);
      expect(entry?.after).toEqual({ rows: 3, created: 1, updated: 1, unchanged: 1 });
      await until(
        'the stock event of the updated product',
        () =>
          stockEvents.events
            .flatMap((e) => e.payload.changes)
            .filter((c) => c.productId === existing.id),
        (changes) => changes.length === 1,
        { timeoutMs: 5_000 },
      );
      stockEvents.stop();
    });

    it('names the row and field of every invalid value, and writes nothing', async () => {
      const prefix = uniquePrefix('BAD');
      const rows = Array.from({ length: 30 }, (_, i) => ({
        sku: `${prefix}-${i}`,
        name: `Row ${i}`,
        priceMinor: 100,
        currency: 'EUR',
      }));
      rows[17] = { ...rows[17], priceMinor: 1.5 };
      rows[21] = { ...rows[21], currency: 'EURO' };
      const res = await post('', { products: rows });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { field: 'products[17].priceMinor', messages: ['priceMinor must be an integer number'] },
        {
          field: 'products[21].currency',
          messages: ['currency must be an ISO-4217 currency code'],
        },
      ]);
      const dup = await post('', {
        products: [rows[0], rows[1], { ...rows[2], sku: rows[0].sku.toUpperCase() }],
      });
      expect(dup.status).toBe(400);
      expect(dup.body.details).toEqual([
        { field: 'products[2].sku', messages: ['sku repeats products[0].sku (skus ignore case)'] },
      ]);
      const listed = await request(api.url)
        .get('/api/v1/products')
        .query({ q: prefix })
        .set(authHeader(viewer))
        .expect(200);
      expect(listed.body.items).toEqual([]);
    });

    it('is all or nothing when the database refuses a row', async () => {
      const prefix = uniquePrefix('AON');
      const existing = await createProduct(api, operator, { sku: `${prefix}-x`, name: 'Before' });
      // A channel given with the role left out on an existing row: refused before any write.
      const res = await post('', {
        products: [
          { sku: `${prefix}-x`, name: 'After', priceMinor: 1, currency: 'EUR' },
          {
            sku: `${prefix}-y`,
            name: 'Y',
            priceMinor: 1,
            currency: 'EUR',
            alertChannelId: '123456789012345678',
          },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'products[1].alertRoleId' }),
      ]);
      expect((await getProduct(api, viewer, existing.id)).name).toBe('Before');
    });

    it('upserts 5 000 products in one request', async () => {
      const prefix = uniquePrefix('BIG');
      const products = Array.from({ length: 5_000 }, (_, i) => ({
        sku: `${prefix}-${i}`,
        name: `Big product number ${i}`,
        description: 'A product description of a realistic length, '.repeat(6),
        category: 'big',
        priceMinor: 100 + i,
        currency: 'EUR',
        stock: i % 50,
      }));
      // Over the API-wide 1 MiB body limit, under the bulk routes' own.
      expect(Buffer.byteLength(JSON.stringify({ products }))).toBeGreaterThan(1_048_576);
      const res = await post('', { products });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 5_000, updated: 0, unchanged: 0 });
      const again = await post('', {
        products: products.map((p) => ({ ...p, stock: p.stock + 1 })),
      });
      expect(again.body).toMatchObject({ created: 0, updated: 5_000, unchanged: 0 });
      const tooMany = await post('', {
        products: [...products, { ...products[0], sku: `${prefix}-extra` }],
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.details[0].field).toBe('products');
    });

    it('refuses a body over the bulk limit with 413, and keeps 1 MiB on other routes', async () => {
      const big = await post('', { products: [{ sku: 'x', name: 'y'.repeat(17 * 1024 * 1024) }] });
      expect(big.status).toBe(413);
      expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
      const other = await request(api.url)
        .post('/api/v1/products')
        .set(authHeader(operator))
        .send({ sku: 'x', name: 'y'.repeat(2 * 1024 * 1024) });
      expect(other.status).toBe(413);
    });
  });

  describe('stock', () => {
    it('applies adjustments by id and sku in order, aggregating per product, one ledger row each', async () => {
      const a = await createProduct(api, operator, { sku: uniquePrefix('BS'), stock: 1 });
      const b = await createProduct(api, operator, { sku: uniquePrefix('BS'), stock: 10 });
      const u = await createProduct(api, operator, { sku: uniquePrefix('BS'), stock: null });
      const recorder = await recordEvents(api, 'catalog.stock.changed');
      const res = await post('/stock', {
        reason: 'delivery',
        adjustments: [
          { productId: a.id, delta: -1 }, // 0: stock 0 — in order, this is fine
          { sku: b.sku.toUpperCase(), delta: -10 }, // 0
          { productId: a.id, delta: 5, reason: 'late delivery' }, // 5
          { productId: b.id, set: 3 }, // 3
          { productId: b.id, delta: 2 }, // 5
          { productId: u.id, delta: -4 }, // unlimited
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ adjustments: 6, products: 3, changed: 2 });
      expect(await stockOf([a.id, b.id, u.id])).toEqual([5, 5, null]);
      const ledger = await api.app
        .get(DataSource)
        .query<{ product_id: string; delta: number; quantity: number | null; reason: string }[]>(
          `SELECT product_id, delta, quantity, reason FROM stock_movements
            WHERE product_id = ANY($1) AND reason <> 'initial stock' ORDER BY id`,
          [[a.id, b.id, u.id]],
        );
      expect(ledger.map((row) => [row.product_id, row.delta, row.quantity, row.reason])).toEqual([
        [a.id, -1, 0, 'delivery'],
        [b.id, -10, 0, 'delivery'],
        [a.id, 5, 5, 'late delivery'],
        [b.id, 3, 3, 'delivery'],
        [b.id, 2, 5, 'delivery'],
        [u.id, -4, null, 'delivery'],
      ]);
      const [entry] = await auditEntry(res.headers['x-request-id']);
      expect(entry?.after).toEqual({ adjustments: 6, products: 3, changed: 2, reason: 'delivery' });
      const changes = await until(
        'the stock event',
        () =>
          recorder.events
            .flatMap((e) => e.payload.changes)
            .filter((c) => [a.id, b.id].includes(c.productId)),
        (found) => found.length === 2,
        { timeoutMs: 5_000 },
      );
      expect(changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ productId: a.id, before: 1, after: 5 }),
          expect.objectContaining({ productId: b.id, before: 10, after: 5 }),
        ]),
      );
      recorder.stop();
    });

    it('replays sets and deltas in order, through unlimited and back', async () => {
      const p = await createProduct(api, operator, { sku: uniquePrefix('SEQ'), stock: 5 });
      const steps = [
        { set: 2 },
        { delta: -1 },
        { set: null },
        { delta: -3 },
        { set: 4 },
        { delta: 1 },
      ];
      const run = (extra: object[]) =>
        post('/stock', {
          reason: 'sequence',
          adjustments: [...steps, ...extra].map((step) => ({ productId: p.id, ...step })),
        });
      const refused = await run([{ delta: -6 }]);
      expect(refused.status).toBe(409);
      expect(refused.body.details.refused).toEqual([{ row: 6, productId: p.id, wouldBe: -1 }]);
      await run([]).expect(200);
      expect((await getProduct(api, viewer, p.id)).stock).toBe(5);
      const ledger = await api.app
        .get(DataSource)
        .query<{ delta: number | null; quantity: number | null }[]>(
          `SELECT delta, quantity FROM stock_movements WHERE product_id = $1 AND reason = 'sequence' ORDER BY id`,
          [p.id],
        );
      expect(ledger.map((row) => [row.delta, row.quantity])).toEqual([
        [-3, 2],
        [-1, 1],
        [null, null],
        [-3, null],
        [null, 4],
        [1, 5],
      ]);
    });

    it('refuses the whole request with 409 naming every row that would go below zero', async () => {
      const a = await createProduct(api, operator, { sku: uniquePrefix('NEG'), stock: 2 });
      const b = await createProduct(api, operator, { sku: uniquePrefix('NEG'), stock: 2 });
      const res = await post('/stock', {
        reason: 'sale',
        adjustments: [
          { productId: a.id, delta: -1 },
          { productId: b.id, delta: -3 }, // row 1: -1
          { productId: a.id, delta: -2 }, // row 2: -1
          { productId: a.id, delta: 10 },
        ],
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'INSUFFICIENT_STOCK',
        details: {
          refused: [
            { row: 1, productId: b.id, wouldBe: -1 },
            { row: 2, productId: a.id, wouldBe: -1 },
          ],
        },
      });
      expect(await stockOf([a.id, b.id])).toEqual([2, 2]);
      const [row] = await api.app
        .get(DataSource)
        .query(
          `SELECT count(*)::int AS n FROM stock_movements WHERE product_id = ANY($1) AND reason = 'sale'`,
          [[a.id, b.id]],
        );
      expect(row.n).toBe(0);
    });

    it('refuses unknown products with 404 naming the rows, changing nothing', async () => {
      const a = await createProduct(api, operator, { sku: uniquePrefix('UNK'), stock: 2 });
      const missingId = randomUUID();
      const res = await post('/stock', {
        reason: 'x',
        adjustments: [
          { productId: a.id, delta: 1 },
          { sku: 'no-such-sku', delta: 1 },
          { productId: missingId, set: 1 },
        ],
      });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        code: 'PRODUCTS_NOT_FOUND',
        details: {
          missing: [
            { field: 'adjustments[1].sku', value: 'no-such-sku' },
            { field: 'adjustments[2].productId', value: missingId },
          ],
        },
      });
      expect((await getProduct(api, viewer, a.id)).stock).toBe(2);
    });

    it.each([
      [{ adjustments: [{ productId: randomUUID(), delta: 1 }] }, 'reason'],
      [{ reason: 'r', adjustments: [] }, 'adjustments'],
      [{ reason: 'r', adjustments: [{ delta: 1 }] }, 'adjustments[0].productId'],
      [
        { reason: 'r', adjustments: [{ productId: randomUUID(), sku: 'a', delta: 1 }] },
        'adjustments[0].productId',
      ],
      [{ reason: 'r', adjustments: [{ sku: 'a', delta: 1, set: 1 }] }, 'adjustments[0].delta'],
      [{ reason: 'r', adjustments: [{ sku: 'a' }] }, 'adjustments[0].delta'],
      [{ reason: 'r', adjustments: [{ sku: 'a', delta: 1e300 }] }, 'adjustments[0].delta'],
      [{ reason: 'r', adjustments: [{ sku: 'a', delta: 1 }, 'x'] }, 'adjustments[1]'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const res = await post('/stock', body);
      expect(res.status).toBe(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    });

    it('takes 10 000 adjustments in one request', async () => {
      const products: ProductBody[] = [];
      for (let i = 0; i < 20; i++) {
        products.push(await createProduct(api, operator, { sku: uniquePrefix('TENK'), stock: 0 }));
      }
      const adjustments = Array.from({ length: 10_000 }, (_, i) => ({
        productId: products[i % 20].id,
        delta: i < 5_000 ? 2 : -1,
      }));
      const res = await post('/stock', { reason: 'load', adjustments });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ adjustments: 10_000, products: 20, changed: 20 });
      // 250 × +2, then 250 × −1, each.
      expect(await stockOf(products.map((p) => p.id))).toEqual(products.map(() => 250));
    });
  });
});
