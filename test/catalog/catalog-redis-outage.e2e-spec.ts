import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { EventBus } from '@botdeck/core';
import { eventually, sleep } from '../support/eventually';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';
import { createProduct, getProduct, recordEvents, uniquePrefix } from './catalog-support';

/**
 * Stock lives in PostgreSQL; Redis only carries the change events. With Redis refusing, a stock
 * change still commits with its ledger row and answers at once; once Redis is back, changes are
 * announced again.
 */
describe('catalog: Redis outage', () => {
  let proxy: TcpProxy;
  let api: TestApi;
  let operator: string;

  beforeAll(async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    api = await startApi({
      REDIS_URL: throughProxy('redis://127.0.0.1:6379', proxy),
      REDIS_COMMAND_TIMEOUT_MS: '1000',
    });
    operator = (await loginAs(api, 'operator')).accessToken;
  });
  afterAll(async () => {
    await proxy?.restore();
    await api?.close();
    await proxy?.close();
  });

  const change = (id: string, body: object) =>
    request(api.url)
      .post(`/api/v1/products/${id}/stock`)
      .set(authHeader(operator))
      .send({ reason: 'outage test', ...body });

  it('commits stock changes and their ledger while Redis refuses, and announces again after', async () => {
    const product = await createProduct(api, operator, {
      sku: uniquePrefix('OUTAGE'),
      stock: 10,
    });

    await proxy.cut('refuse');
    const started = Date.now();
    const during = await change(product.id, { delta: -3 });
    expect(during.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await change(product.id, { delta: -8 })).status).toBe(409);
    expect((await getProduct(api, operator, product.id)).stock).toBe(7);
    const movements = await request(api.url)
      .get(`/api/v1/products/${product.id}/movements`)
      .set(authHeader(operator));
    expect(movements.status).toBe(200);
    expect(movements.body.items).toEqual([
      expect.objectContaining({ delta: -3, quantity: 7, reason: 'outage test' }),
      expect.objectContaining({ delta: 10, quantity: 10, reason: 'initial stock' }),
    ]);

    await proxy.restore();
    const { events, stop } = await recordEvents(api, 'catalog.stock.changed');
    try {
      // The bus is at-most-once and its subscriber reconnects on its own: wait until this
      // instance hears events again (an empty change set), else the change below may be
      // announced before anyone listens (a signed-in request answers in a few ms now).
      await eventually('the bus to deliver again', async () => {
        await api.app.get(EventBus).publish('catalog.stock.changed', { changes: [] });
        await sleep(50);
        if (events.length === 0) throw new Error('not delivered yet');
      });
      expect((await change(product.id, { set: 40 })).status).toBe(200);
      const announced = await eventually('the stock event after Redis came back', () => {
        const found = events
          .flatMap((e) => e.payload.changes)
          .find((c) => c.productId === product.id && c.after === 40);
        if (!found) throw new Error('not announced yet');
        return found;
      });
      expect(announced).toMatchObject({ before: 7, after: 40 });
    } finally {
      stop();
    }
  });
});
