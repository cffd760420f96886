import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, loginAs } from '../support/auth';
import { insertSearchRows } from './support/search-rows';

interface Group {
  count: number;
  capped: boolean;
  items: Record<string, unknown>[];
}
type Results = Record<string, unknown> & {
  q: string;
  bots: Group;
  products: Group;
  commandLogs: Group;
  users?: Group;
  audit?: Group;
};

describe('GET /api/v1/search and GET /api/v1/audit?q=', () => {
  let api: TestApi;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  // A word of this run only, so the shared database's other rows never match.
  const word = `zq${randomBytes(5).toString('hex')}`;
  const botId = randomUUID();
  let productId: string;
  let userId: string;
  let interactionId: string;

  beforeAll(async () => {
    api = await startApi({ SEARCH_GROUP_COUNT_CAP: '10' });
    db = api.app.get(DataSource);
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      tokens[role] = (await loginAs(api, role)).accessToken;
    }
    await db.query(
      `INSERT INTO bots (id, name, token_key_id, token_sealed, token_last4, tags)
       VALUES ($1, $2, 'k', '\\x00', 'abcd', $3)`,
      [botId, `Shop ${word}`, ['eu', 'shop']],
    );
    // Created through the API, so the audit trail records it (with the name in `after`).
    const product = await request(api.url)
      .post('/api/v1/products')
      .set(authHeader(tokens.operator))
      .send({ sku: `SKU-${word}`, name: `Golden sword ${word}`, priceMinor: 100, currency: 'EUR' })
      .expect(201);
    productId = (product.body as { id: string }).id;
    userId = (await createUser(api, { role: 'viewer', email: `${word}@botdeck.test` })).id;
    [interactionId] = (await insertSearchRows(db, [
      {
        botId,
        command: 'buy',
        options: { item: `golden ${word}` },
        status: 'error',
        createdAt: new Date(),
      },
      ...Array.from({ length: 12 }, () => ({
        botId,
        command: 'buy',
        options: { note: `bulk ${word}` },
        status: 'success' as const,
        createdAt: new Date(Date.now() - 60_000),
      })),
    ])) as [string];
  });
  afterAll(() => api?.close());

  const search = (role: string, q: string) =>
    request(api.url)
      .get(`/api/v1/search?q=${encodeURIComponent(q)}`)
      .set(authHeader(tokens[role]));

  it('gives a viewer bots, products and command logs, each with a count and ids', async () => {
    const body = (await search('viewer', word).expect(200)).body as Results;
    expect(body.q).toBe(word);
    expect(body.bots).toEqual({
      count: 1,
      capped: false,
      items: [{ id: botId, name: `Shop ${word}`, tags: ['eu', 'shop'], botUsername: null }],
    });
    expect(body.products).toMatchObject({
      count: 1,
      items: [{ id: productId, sku: `SKU-${word}`, name: `Golden sword ${word}` }],
    });
    // 13 matches, counted up to the cap of 10; the newest first.
    expect(body.commandLogs).toMatchObject({ count: 10, capped: true });
    expect(body.commandLogs.items[0]).toMatchObject({ interactionId, botId, command: 'buy' });
    expect(body.users).toBeUndefined();
    expect(body.audit).toBeUndefined();
  });

  it('gives an operator the same groups as a viewer, and an admin users and audit entries too', async () => {
    const operator = (await search('operator', word).expect(200)).body as Results;
    expect(Object.keys(operator).sort()).toEqual(['bots', 'commandLogs', 'products', 'q']);
    const admin = (await search('admin', word).expect(200)).body as Results;
    expect(admin.users).toMatchObject({ count: 1, items: [{ id: userId, role: 'viewer' }] });
    expect(admin.audit?.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'product.create', resourceId: productId }),
      ]),
    );
  });

  it('narrows by phrase, OR and exclusion across groups', async () => {
    const phrase = (await search('admin', `"golden sword" ${word}`).expect(200)).body as Results;
    expect(phrase.products.count).toBe(1);
    expect(phrase.bots.count).toBe(0);
    expect(phrase.commandLogs.count).toBe(0);
    const excluded = (await search('viewer', `${word} -bulk`).expect(200)).body as Results;
    expect(excluded.commandLogs).toMatchObject({ count: 1, items: [{ interactionId }] });
    const either = (await search('viewer', `shop OR sword ${word}`).expect(200)).body as Results;
    expect(either.bots.count + either.products.count).toBe(2);
  });

  it('refuses a bad query with a 400 naming q, and anonymous callers with a 401', async () => {
    for (const q of ['"open', 'OR x', '-only', '', '...']) {
      const res = await search('viewer', q).expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_SEARCH_QUERY', details: [{ field: 'q' }] });
    }
    const missing = await request(api.url).get('/api/v1/search').set(authHeader(tokens.viewer));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await request(api.url).get(`/api/v1/search?q=${word}`).expect(401);
  });

  it('searches the audit trail with q over action, resource and details', async () => {
    const list = (q: string) =>
      request(api.url)
        .get(`/api/v1/audit?q=${encodeURIComponent(q)}`)
        .set(authHeader(tokens.admin))
        .expect(200)
        .then((res) => (res.body as { items: { action: string; resourceId: string }[] }).items);
    // The product's name is in the change set only.
    expect(await list(`sword ${word}`)).toEqual([
      expect.objectContaining({ action: 'product.create', resourceId: productId }),
    ]);
    expect(await list(`${productId}`)).toEqual(
      expect.arrayContaining([expect.objectContaining({ resourceId: productId })]),
    );
    expect(await list(`product ${word}`)).toHaveLength(1);
    expect(await list(`${word} -product`)).toEqual([]);
    const bad = await request(api.url)
      .get('/api/v1/audit?q=%22open')
      .set(authHeader(tokens.admin))
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_SEARCH_QUERY', details: [{ field: 'q' }] });
  });
});
