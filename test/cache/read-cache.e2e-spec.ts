import { ReadCache } from '@botdeck/core';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, login, loginAs } from '../support/auth';
import { until } from '../support/eventually';
import { TcpProxy } from '../support/tcp-proxy';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.fake-token-for-tests-only-abcd';

/**
 * Two API instances, A and B, on one database and one Redis; their cache goes through a proxy
 * the test can cut. Every write goes through A and every read through B, right after the 2xx.
 */
describe('Read cache across instances', () => {
  let proxy: TcpProxy;
  let a: TestApi;
  let b: TestApi;
  let operator: string;
  let viewer: string;
  const tag = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  beforeAll(async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    const env = { CACHE_REDIS_URL: `redis://127.0.0.1:${proxy.port}`, CACHE_RETRY_MS: '200' };
    a = await startApi(env);
    b = await startApi(env);
    operator = (await loginAs(a, 'operator')).accessToken;
    viewer = (await loginAs(a, 'viewer')).accessToken;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.close();
  });

  const stats = (api: TestApi) => api.app.get(ReadCache).stats();
  const count = (api: TestApi, label: string) => stats(api)[label] ?? 0;
  const botsOnB = (token = operator) =>
    request(b.url).get(`/api/v1/bots?tag=${tag}&limit=50`).set(authHeader(token));
  const botNames = async (token?: string) => {
    const res = await botsOnB(token);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ name: string }>).map((bot) => bot.name).sort();
  };
  async function createBot(name: string) {
    const res = await request(a.url)
      .post('/api/v1/bots')
      .set(authHeader(operator))
      .send({ name, token: TOKEN, tags: [tag] });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  }

  /** Reads answered from a cache: the memory tier, Redis, or the response cache. */
  const hits = (api: TestApi, read: string) =>
    count(api, `${read}:memory`) + count(api, `${read}:redis`) + count(api, `${read}:response`);

  it('serves a bot list page from the cache until a write through another instance, then the write', async () => {
    const first = await createBot(`${tag}-one`);
    expect(await botNames()).toEqual([`${tag}-one`]);
    const before = hits(b, 'bots.list');
    expect(await botNames()).toEqual([`${tag}-one`]);
    expect(hits(b, 'bots.list')).toBe(before + 1);

    // An edit, a create, a desired-state change and a delete, each read back at once on B.
    const renamed = await request(a.url)
      .patch(`/api/v1/bots/${first.id}`)
      .set(authHeader(operator))
      .send({ version: first.version, name: `${tag}-uno` });
    expect(renamed.status).toBe(200);
    expect(await botNames()).toEqual([`${tag}-uno`]);

    const second = await createBot(`${tag}-two`);
    expect(await botNames()).toEqual([`${tag}-two`, `${tag}-uno`]);

    const started = await request(a.url)
      .post(`/api/v1/bots/${second.id}/start`)
      .set(authHeader(operator));
    expect(started.status).toBeLessThan(300);
    const items = (await botsOnB()).body.items as Array<{ id: string; desiredState: string }>;
    const desired = items.find((bot) => bot.id === second.id)!;
    expect(desired.desiredState).toBe('running');

    const deleted = await request(a.url)
      .delete(`/api/v1/bots/${first.id}`)
      .set(authHeader(operator));
    expect(deleted.status).toBe(204);
    expect(await botNames()).toEqual([`${tag}-two`]);
  });

  it('answers a repeat read from the response cache, as the pipeline answered it', async () => {
    await createBot(`${tag}-repeat`);
    const first = await botsOnB();
    expect(first.status).toBe(200);
    const before = count(b, 'bots.list:response');
    const again = await botsOnB();
    expect(count(b, 'bots.list:response')).toBe(before + 1);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    for (const header of ['content-type', 'etag', 'ratelimit-policy']) {
      expect(again.headers[header]).toBe(first.headers[header]);
    }
    expect(again.headers['x-request-id']).toMatch(/\S/);
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    // Counted like any read: the remaining count still goes down by one per request.
    expect(Number(again.headers['ratelimit-remaining'])).toBe(
      Number(first.headers['ratelimit-remaining']) - 1,
    );
    // Another role is not served this entry; a role too low is refused as before.
    const viewerBefore = count(b, 'bots.list:response');
    expect((await botsOnB(viewer)).status).toBe(200);
    expect(count(b, 'bots.list:response')).toBe(viewerBefore);
    const anonymous = await request(b.url).get(`/api/v1/bots?tag=${tag}&limit=50`);
    expect(anonymous.status).toBe(401);
  });

  it('serves a product list from the cache until a stock change through another instance', async () => {
    const sku = `${tag}-APPLE`.toUpperCase();
    const created = await request(a.url)
      .post('/api/v1/products')
      .set(authHeader(operator))
      .send({ sku, name: 'Apple', priceMinor: 199, currency: 'EUR', stock: 40 });
    expect(created.status).toBe(201);
    const stockOnB = async () => {
      const res = await request(b.url).get(`/api/v1/products?q=${sku}`).set(authHeader(viewer));
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ stock: number }>).map((product) => product.stock);
    };
    expect(await stockOnB()).toEqual([40]);
    expect(await stockOnB()).toEqual([40]);
    const sold = await request(a.url)
      .post(`/api/v1/products/${created.body.id}/stock`)
      .set(authHeader(operator))
      .send({ delta: -3, reason: 'sale' });
    expect(sold.status).toBe(200);
    expect(await stockOnB()).toEqual([37]);
  });

  it('keeps what one role was served apart from what another is served', async () => {
    const path = `/api/v1/products?q=${tag.toUpperCase()}-ROLES`;
    const misses = count(b, 'products.list:miss');
    expect((await request(b.url).get(path).set(authHeader(viewer))).status).toBe(200);
    expect((await request(b.url).get(path).set(authHeader(operator))).status).toBe(200);
    expect(count(b, 'products.list:miss')).toBe(misses + 2);
    const before = hits(b, 'products.list');
    expect((await request(b.url).get(path).set(authHeader(viewer))).status).toBe(200);
    expect(hits(b, 'products.list')).toBe(before + 1);
    expect(count(b, 'products.list:miss')).toBe(misses + 2);
  });

  it('answers an unchanged GET with 304 for its ETag, and a changed one with 200', async () => {
    const bot = await createBot(`${tag}-etag`);
    const first = await botsOnB();
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await botsOnB().set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(etag);

    await request(a.url)
      .patch(`/api/v1/bots/${bot.id}`)
      .set(authHeader(operator))
      .send({ version: bot.version, description: 'changed' })
      .expect(200);
    const changed = await botsOnB().set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('reads from PostgreSQL while the cache is unreachable, never 500, and uses the cache again once it is back', async () => {
    const bot = await createBot(`${tag}-outage`);
    await botNames();
    await proxy.cut('refuse');
    try {
      const bypassed = count(b, 'bots.list:bypass');
      const renamed = await request(a.url)
        .patch(`/api/v1/bots/${bot.id}`)
        .set(authHeader(operator))
        .send({ version: bot.version, name: `${tag}-outage-2` });
      expect(renamed.status).toBe(200);
      expect(await botNames()).toContain(`${tag}-outage-2`);
      expect(count(b, 'bots.list:bypass')).toBeGreaterThan(bypassed);
    } finally {
      await proxy.restore();
    }
    // Back by itself: a read is answered from the cache again, and it is the renamed bot's.
    await until(
      'B to answer from its cache again',
      async () => {
        const before = hits(b, 'bots.list');
        const names = await botNames();
        return { names, hit: hits(b, 'bots.list') > before };
      },
      ({ hit }) => hit,
      { timeoutMs: 10_000, intervalMs: 100 },
    ).then(({ names }) => expect(names).toContain(`${tag}-outage-2`));
    expect(await botNames()).not.toContain(`${tag}-outage`);
  });

  it('refuses a disabled user and a signed-out login within 1 s on every instance, even one that hears no events', async () => {
    // C shares the database but not the bus (another Redis prefix): it never hears A or B.
    const c = await startApi({ REDIS_KEY_PREFIX: `${tag}-deaf:` });
    try {
      await expectRevocationsWithinOneSecond([a, b, c]);
    } finally {
      await c.close();
    }
  });

  async function expectRevocationsWithinOneSecond(instances: TestApi[]) {
    const admin = (await loginAs(a, 'admin')).accessToken;
    const user = await createUser(a, { role: 'viewer' });
    const first = await login(a, user);
    const second = await login(a, user);
    // Each check reads /auth/me and a bot list page, the page twice first so that the response
    // cache holds it: a hot entry must not outlive the access it was served under.
    const me = async (api: TestApi, token: string) => {
      const [self, page] = await Promise.all(
        ['/api/v1/auth/me', `/api/v1/bots?tag=${tag}-revoked`].map((path) =>
          request(api.url).get(path).set(authHeader(token)),
        ),
      );
      return { status: self.status === page.status ? self.status : -1, body: self.body, page };
    };
    for (const token of [first.accessToken, second.accessToken]) {
      for (const api of instances) {
        expect((await me(api, token)).status).toBe(200);
        expect((await me(api, token)).status).toBe(200);
      }
    }

    // Sign out the first login (on B): refused everywhere within 1 s, the second still works.
    const loggedOut = Date.now();
    await request(b.url)
      .post('/api/v1/auth/logout')
      .send({ refreshToken: first.refreshToken })
      .expect((res) => expect(res.status).toBeLessThan(300));
    for (const api of instances) {
      const res = await until(
        'the signed-out login to be refused',
        () => me(api, first.accessToken),
        (r) => r.status === 401,
        { timeoutMs: 1_000, intervalMs: 20 },
      );
      expect(res.body.code).toBe('SESSION_REVOKED');
      expect(res.page.body.code).toBe('SESSION_REVOKED');
    }
    expect(Date.now() - loggedOut).toBeLessThan(1_000);
    expect((await me(a, second.accessToken)).status).toBe(200);

    // Disable the user (on A): the other login is refused everywhere within 1 s.
    const disabled = Date.now();
    await request(a.url)
      .post(`/api/v1/users/${user.id}/disable`)
      .set(authHeader(admin))
      .expect((res) => expect(res.status).toBeLessThan(300));
    for (const api of instances) {
      await until(
        'the disabled user to be refused',
        () => me(api, second.accessToken),
        (r) => r.status === 401,
        { timeoutMs: 1_000, intervalMs: 20 },
      );
    }
    expect(Date.now() - disabled).toBeLessThan(1_000);
  }
});
