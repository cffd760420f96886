import { CatalogQueries } from '@botdeck/catalog';
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

describe('catalog: products', () => {
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

  const patch = (id: string, body: object, token = operator) =>
    request(api.url).patch(`/api/v1/products/${id}`).set(authHeader(token)).send(body);

  it('creates a product with defaults, reads it back and opens its ledger with the initial stock', async () => {
    const sku = uniquePrefix('TEE');
    const created = await createProduct(api, operator, {
      sku,
      name: '  Red T-shirt  ',
      priceMinor: 1999,
      currency: 'eur',
      stock: 12,
      emoji: '👕',
    });
    expect(created).toEqual({
      id: expect.any(String),
      sku,
      name: 'Red T-shirt',
      description: null,
      category: null,
      priceMinor: 1999,
      currency: 'EUR',
      stock: 12,
      lowStockThreshold: 0,
      lowStock: false,
      visible: true,
      sortOrder: 0,
      emoji: '👕',
      alertChannelId: null,
      alertRoleId: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await getProduct(api, viewer, created.id)).toEqual(created);
    const movements = await request(api.url)
      .get(`/api/v1/products/${created.id}/movements`)
      .set(authHeader(viewer))
      .expect(200);
    expect(movements.body.items).toEqual([
      expect.objectContaining({ delta: 12, quantity: 12, reason: 'initial stock' }),
    ]);

    const unlimited = await createProduct(api, operator, {
      sku: uniquePrefix('KEY'),
      stock: null,
      emoji: '<:key:123456789012345678>',
    });
    expect(unlimited.stock).toBeNull();
    const zero = await createProduct(api, operator, { sku: uniquePrefix('ZERO') });
    expect(zero.stock).toBe(0);
  });

  it('keeps skus unique ignoring case, and 404s an unknown product', async () => {
    const sku = uniquePrefix('Mug');
    await createProduct(api, operator, { sku });
    const again = await request(api.url)
      .post('/api/v1/products')
      .set(authHeader(operator))
      .send({ sku: sku.toUpperCase(), name: 'Other', priceMinor: 1, currency: 'USD' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PRODUCT_SKU_TAKEN');

    const missing = await request(api.url)
      .get(`/api/v1/products/${randomUUID()}`)
      .set(authHeader(viewer));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('PRODUCT_NOT_FOUND');
  });

  it.each([
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a float price', { priceMinor: 19.99 }, 'priceMinor'],
    ['a negative price', { priceMinor: -1 }, 'priceMinor'],
    ['a price beyond 2^53', { priceMinor: 2 ** 60 }, 'priceMinor'],
    ['negative stock', { stock: -1 }, 'stock'],
    ['stock above the limit', { stock: 1e12 }, 'stock'],
    ['a sku with spaces', { sku: 'has space' }, 'sku'],
    ['two emoji', { emoji: '👕👕' }, 'emoji'],
    ['text as emoji', { emoji: 'shirt' }, 'emoji'],
    [
      'a malformed channel id',
      { alertChannelId: '12', alertRoleId: '123456789012345678' },
      'alertChannelId',
    ],
    ['a channel without a role', { alertChannelId: '123456789012345678' }, 'alertRoleId'],
    ['a NUL byte', { name: 'a\u0000b' }, 'name'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('refuses %s with 400 naming the field', async (_label, fields, field) => {
    const res = await request(api.url)
      .post('/api/v1/products')
      .set(authHeader(operator))
      .send({ sku: uniquePrefix('BAD'), name: 'Bad', priceMinor: 100, currency: 'EUR', ...fields });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(
      (res.body.details as { field: string }[]).map((detail: { field: string }) => detail.field),
    ).toContain(field);
  });

  it('updates at the version read, refuses a stale version with 409, and does not take stock', async () => {
    const product = await createProduct(api, operator, { sku: uniquePrefix('CAP'), stock: 5 });
    const updated = await patch(product.id, {
      version: 1,
      name: 'Blue cap',
      category: 'hats',
      alertChannelId: '123456789012345678',
      alertRoleId: '223456789012345678',
    }).expect(200);
    expect(updated.body).toMatchObject({
      name: 'Blue cap',
      category: 'hats',
      version: 2,
      stock: 5,
    });

    const stale = await patch(product.id, { version: 1, name: 'Green cap' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'PRODUCT_VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
    expect((await patch(product.id, { version: 2, stock: 10 })).status).toBe(400);
    // One alert field alone would leave the product with a channel and no role.
    const half = await patch(product.id, { version: 2, alertRoleId: null });
    expect(half.status).toBe(400);
    const cleared = await patch(product.id, {
      version: 2,
      alertRoleId: null,
      alertChannelId: null,
      description: null,
    }).expect(200);
    expect(cleared.body).toMatchObject({ alertChannelId: null, alertRoleId: null, version: 3 });
    expect((await getProduct(api, viewer, product.id)).name).toBe('Blue cap');
  });

  it('deletes a product with its ledger, and says 404 the second time', async () => {
    const product = await createProduct(api, operator, { sku: uniquePrefix('DEL'), stock: 3 });
    await request(api.url)
      .delete(`/api/v1/products/${product.id}`)
      .set(authHeader(operator))
      .expect(204);
    const again = await request(api.url)
      .delete(`/api/v1/products/${product.id}`)
      .set(authHeader(operator));
    expect(again.status).toBe(404);
    const rows = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM stock_movements WHERE product_id = $1', [product.id]);
    expect(rows[0].n).toBe(0);
  });

  it('filters by category, visibility, low stock, out of stock and a name or sku prefix, page by page', async () => {
    const category = uniquePrefix('Filters');
    const make = (sku: string, fields: Record<string, unknown>) =>
      createProduct(api, operator, { sku: `${category}-${sku}`, category, ...fields });
    const plenty = await make('plenty', { name: 'Alpha plenty', stock: 50, lowStockThreshold: 5 });
    const low = await make('low', { name: 'Beta low', stock: 3, lowStockThreshold: 5 });
    const out = await make('out', { name: 'Gamma out', stock: 0, lowStockThreshold: 5 });
    const unlimited = await make('unl', { name: 'Delta 100%_x', stock: null });
    const hidden = await make('hidden', { name: 'Alpha hidden', stock: 9, visible: false });

    const list = async (query: Record<string, string>) => {
      const res = await request(api.url)
        .get('/api/v1/products')
        .query({ category: category.toUpperCase(), ...query })
        .set(authHeader(viewer))
        .expect(200);
      return (res.body.items as ProductBody[]).map((item) => item.id);
    };
    // Newest first.
    expect(await list({})).toEqual([hidden.id, unlimited.id, out.id, low.id, plenty.id]);
    expect(await list({ visible: 'false' })).toEqual([hidden.id]);
    expect(await list({ lowStock: 'true' })).toEqual([out.id, low.id]);
    expect(await list({ lowStock: 'false' })).toEqual([hidden.id, unlimited.id, plenty.id]);
    expect(await list({ outOfStock: 'true' })).toEqual([out.id]);
    expect(await list({ outOfStock: 'false', visible: 'true' })).toEqual([
      unlimited.id,
      low.id,
      plenty.id,
    ]);
    expect(await list({ q: 'alpha' })).toEqual([hidden.id, plenty.id]);
    expect(await list({ q: `${category}-LO`.toLowerCase() })).toEqual([low.id]);
    // LIKE wildcards in q are literal text.
    expect(await list({ q: 'delta 100%_' })).toEqual([unlimited.id]);
    expect(await list({ q: '%' })).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(api.url)
        .get('/api/v1/products')
        .query({ category, limit: '2', ...(cursor ? { cursor } : {}) })
        .set(authHeader(viewer))
        .expect(200);
      seen.push(...(res.body.items as ProductBody[]).map((item) => item.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([hidden.id, unlimited.id, out.id, low.id, plenty.id]);

    for (const query of [
      { visible: 'yes' },
      { lowStock: '1' },
      { cursor: 'nope' },
      { limit: '0' },
    ]) {
      const res = await request(api.url)
        .get('/api/v1/products')
        .query(query)
        .set(authHeader(viewer));
      expect(res.status).toBe(400);
    }
  });

  it('serves the worker-side queries: visible products in order, by sku, and alert targets', async () => {
    const category = uniquePrefix('Queries');
    const queries = api.app.get(CatalogQueries);
    const b = await createProduct(api, operator, {
      sku: `${category}-b`,
      name: 'B',
      category,
      sortOrder: 1,
      stock: 4,
    });
    const a = await createProduct(api, operator, {
      sku: `${category}-a`,
      name: 'A',
      category,
      sortOrder: 1,
      stock: null,
    });
    const first = await createProduct(api, operator, {
      sku: `${category}-first`,
      name: 'Z first',
      category,
      sortOrder: -1,
      stock: 1,
      alertChannelId: '323456789012345678',
      alertRoleId: '423456789012345678',
    });
    const soldOut = await createProduct(api, operator, {
      sku: `${category}-sold`,
      name: 'C',
      category,
      sortOrder: 2,
      stock: 0,
    });
    await createProduct(api, operator, {
      sku: `${category}-hidden`,
      category,
      visible: false,
      stock: 5,
    });

    const ids = (products: { id: string }[]) => products.map((product) => product.id);
    expect(
      ids(
        await queries.visibleProducts({
          categories: [category.toUpperCase()],
          includeSoldOut: true,
        }),
      ),
    ).toEqual([first.id, a.id, b.id, soldOut.id]);
    expect(
      ids(await queries.visibleProducts({ categories: [category], includeSoldOut: false })),
    ).toEqual([first.id, a.id, b.id]);
    expect((await queries.visibleBySku(`${category}-B`.toUpperCase()))?.id).toBe(b.id);
    expect(await queries.visibleBySku(`${category}-hidden`)).toBeNull();
    expect(await queries.visibleBySku('no-such-sku')).toBeNull();

    const product = (await queries.visibleBySku(first.sku))!;
    expect(product.priceMinor).toBe(1000);
    expect(await queries.alertTargetFor(product)).toEqual({
      channelId: '323456789012345678',
      roleId: '423456789012345678',
    });
    const plain = (await queries.visibleBySku(b.sku))!;
    expect(await queries.alertTargetFor(plain)).toBeNull();

    await request(api.url)
      .put(`/api/v1/product-categories/${encodeURIComponent(category.toLowerCase())}/alert`)
      .set(authHeader(operator))
      .send({ channelId: '523456789012345678', roleId: '623456789012345678' })
      .expect(200);
    expect(await queries.alertTargetFor(plain)).toEqual({
      channelId: '523456789012345678',
      roleId: '623456789012345678',
    });
    const summary = await request(api.url)
      .get('/api/v1/product-categories')
      .set(authHeader(viewer))
      .expect(200);
    expect(summary.body).toContainEqual({
      category,
      products: 5,
      alert: expect.objectContaining({
        category: category.toLowerCase(),
        roleId: '623456789012345678',
      }),
    });

    await request(api.url)
      .delete(`/api/v1/product-categories/${encodeURIComponent(category)}/alert`)
      .set(authHeader(operator))
      .expect(204);
    expect(await queries.alertTargetFor(plain)).toBeNull();
    const gone = await request(api.url)
      .delete(`/api/v1/product-categories/${encodeURIComponent(category)}/alert`)
      .set(authHeader(operator));
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('CATEGORY_ALERT_NOT_FOUND');
    const bad = await request(api.url)
      .put(`/api/v1/product-categories/shirts/alert`)
      .set(authHeader(operator))
      .send({ channelId: 'general', roleId: '623456789012345678' });
    expect(bad.status).toBe(400);
  });

  it('announces created, updated and deleted products after commit, and nothing for a refused edit', async () => {
    const recorder = await recordEvents(api, 'catalog.products.changed');
    try {
      const product = await createProduct(api, operator, {
        sku: uniquePrefix('EVT'),
        category: 'evt-a',
      });
      await patch(product.id, { version: 1, category: 'evt-b' }).expect(200);
      await patch(product.id, { version: 1, name: 'stale' }).expect(409);
      await request(api.url)
        .delete(`/api/v1/products/${product.id}`)
        .set(authHeader(operator))
        .expect(204);
      const mine = () =>
        recorder.events.filter((event) => event.payload.productIds.includes(product.id));
      await until('three product events', mine, (events) => events.length >= 3, {
        timeoutMs: 5_000,
      });
      expect(mine().map((event) => event.payload)).toEqual([
        { productIds: [product.id], categories: ['evt-a'], change: 'created' },
        { productIds: [product.id], categories: ['evt-a', 'evt-b'], change: 'updated' },
        { productIds: [product.id], categories: ['evt-b'], change: 'deleted' },
      ]);
    } finally {
      recorder.stop();
    }
  });
});
