import type { Role } from '@botdeck/core';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { createProduct, uniquePrefix } from './catalog-support';

interface Probe {
  name: string;
  send: (token: string | null) => Promise<request.Response>;
  /** Status when the caller may: every role from `minimum` up gets it, the others 403. */
  ok: number;
  minimum: Role;
}

/** Every catalog route: anonymous 401, roles below the minimum 403, the others served. */
describe('catalog: access by role', () => {
  let api: TestApi;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    api = await startApi();
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      tokens[role] = (await loginAs(api, role)).accessToken;
    }
  });
  afterAll(() => api.close());

  const call =
    (method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, body?: object) =>
    (token: string | null) => {
      const req = request(api.url)[method](`/api/v1${path}`);
      if (token) req.set(authHeader(token));
      return body ? req.send(body) : req;
    };

  /** A fresh product per request, so each role's write acts on a product of its own. */
  const withProduct =
    (send: (id: string, version: number) => (token: string | null) => request.Test) =>
    async (token: string | null) => {
      const product = await createProduct(api, tokens.admin, {
        sku: uniquePrefix('ACL'),
        stock: 5,
      });
      return send(product.id, product.version)(token);
    };

  const probes: Probe[] = [
    { name: 'GET /products', send: call('get', '/products'), ok: 200, minimum: 'viewer' },
    {
      name: 'GET /products/:id',
      send: withProduct((id) => call('get', `/products/${id}`)),
      ok: 200,
      minimum: 'viewer',
    },
    {
      name: 'GET /products/:id/movements',
      send: withProduct((id) => call('get', `/products/${id}/movements`)),
      ok: 200,
      minimum: 'viewer',
    },
    {
      name: 'GET /product-categories',
      send: call('get', '/product-categories'),
      ok: 200,
      minimum: 'viewer',
    },
    {
      name: 'POST /products',
      send: (token) =>
        call('post', '/products', {
          sku: uniquePrefix('ACL'),
          name: 'n',
          priceMinor: 1,
          currency: 'EUR',
        })(token),
      ok: 201,
      minimum: 'operator',
    },
    {
      name: 'PATCH /products/:id',
      send: withProduct((id, version) =>
        call('patch', `/products/${id}`, { version, name: 'renamed' }),
      ),
      ok: 200,
      minimum: 'operator',
    },
    {
      name: 'DELETE /products/:id',
      send: withProduct((id) => call('delete', `/products/${id}`)),
      ok: 204,
      minimum: 'operator',
    },
    {
      name: 'POST /products/:id/stock',
      send: withProduct((id) =>
        call('post', `/products/${id}/stock`, { delta: -1, reason: 'acl' }),
      ),
      ok: 200,
      minimum: 'operator',
    },
    {
      name: 'PUT /product-categories/:category/alert',
      send: call('put', `/product-categories/acl/alert`, {
        channelId: '123456789012345678',
        roleId: '123456789012345679',
      }),
      ok: 200,
      minimum: 'operator',
    },
    {
      name: 'DELETE /product-categories/:category/alert',
      send: async (token) => {
        const category = uniquePrefix('acl');
        await call('put', `/product-categories/${category}/alert`, {
          channelId: '123456789012345678',
          roleId: '123456789012345679',
        })(tokens.admin).expect(200);
        return call('delete', `/product-categories/${category}/alert`)(token);
      },
      ok: 204,
      minimum: 'operator',
    },
    {
      name: 'POST /bulk/products/visibility',
      send: withProduct((id) =>
        call('post', '/bulk/products/visibility', { productIds: [id], visible: false }),
      ),
      ok: 200,
      minimum: 'operator',
    },
    {
      name: 'POST /bulk/products',
      send: (token) =>
        call('post', '/bulk/products', {
          products: [{ sku: uniquePrefix('ACL'), name: 'n', priceMinor: 1, currency: 'EUR' }],
        })(token),
      ok: 200,
      minimum: 'operator',
    },
    {
      name: 'POST /bulk/products/stock',
      send: withProduct((id) =>
        call('post', '/bulk/products/stock', {
          reason: 'acl',
          adjustments: [{ productId: id, delta: 1 }],
        }),
      ),
      ok: 200,
      minimum: 'operator',
    },
  ];

  it.each(probes.map((probe) => [probe.name, probe] as const))('%s', async (_name, probe) => {
    expect((await probe.send(null)).status).toBe(401);
    const rank = ['viewer', 'operator', 'admin'];
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const expected = rank.indexOf(role) >= rank.indexOf(probe.minimum) ? probe.ok : 403;
      const res = await probe.send(tokens[role]);
      expect({ role, status: res.status }).toEqual({ role, status: expected });
    }
  });
});
