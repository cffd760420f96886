import type { RestockAlertDto } from '@botdeck/stock-display';
import type { ApiMessage } from '@botdeck/discord-sandbox';
import { DataSource } from 'typeorm';
import { loginAs } from '../support/auth';
import { eventually, sleep } from '../support/eventually';
import { type DisplayWorld, startDisplayWorld } from './support/display-world';

jest.setTimeout(60_000);

/**
 * Short enough for a test: catch-up twice a second, one alert per product per minute; one bot
 * per worker, so the two shops' bots run in two workers that could both post.
 */
const ALERT_ENV = {
  RESTOCK_ALERT_WINDOW_MS: '60000',
  RESTOCK_ALERT_CATCH_UP_MS: '500',
  BOT_MAX_PER_WORKER: '1',
};

describe('Restock alerts', () => {
  let world: DisplayWorld;
  let shops: Awaited<ReturnType<DisplayWorld['startShop']>>[];
  let alertChannelId: string;
  let roleId: string;
  let otherRoleId: string;

  beforeAll(async () => {
    world = await startDisplayWorld({ worker: false });
    world.worker = await world.startWorker(ALERT_ENV);
    await world.startWorker(ALERT_ENV);
    // Two bots, each in its own worker, each with a display showing every product.
    shops = [await world.startShop(), await world.startShop()];
    alertChannelId = await world.sandbox.control.createChannel(world.guildId, 'restocks');
    roleId = await world.sandbox.control.createRole(world.guildId, 'Restock pings');
    otherRoleId = await world.sandbox.control.createRole(world.guildId, 'Staff');
    for (const shop of shops) {
      const display = await world.createDisplay({
        botId: shop.botId,
        guildId: world.guildId,
        channelId: shop.channelId,
      });
      await world.waitForDisplay(display.id, (d) => d.status === 'live');
    }
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  const alertsIn = (): Promise<ApiMessage[]> => world.messages(alertChannelId);

  it('posts one alert (from one of the two workers) mentioning only its role, and no more while it flaps', async () => {
    const product = await world.createProduct({
      sku: 'RST-1',
      // A name that tries to ping more than the alert's role.
      name: `Melon @everyone <@&${otherRoleId}>`,
      stock: 0,
      lowStockThreshold: 2,
      alertChannelId,
      alertRoleId: roleId,
    });
    await world.setStock(product.id, 5);
    const [alert] = await eventually('the restock alert', async () => {
      const found = await alertsIn();
      if (found.length === 0) throw new Error('no alert yet');
      return found;
    });
    expect(alert.content).toMatch(
      new RegExp(`^<@&${roleId}> \\*\\*Melon .*\\*\\* is back in stock: 5 available\\.$`),
    );
    const poster = shops.find((shop) => shop.botUserId === alert.author.id);
    expect(poster).toBeDefined();
    expect(alert.mention_roles).toEqual([roleId]);
    expect(alert.mention_everyone).toBe(false);
    expect(alert.mentions).toEqual([]);
    // Posted with a Discord nonce (enforce_nonce), so a retried post could not appear twice.
    expect(alert.nonce).toMatch(/^[0-9a-f]{25}$/);

    // Flapping inside the window: sold out, back, low, back above the threshold.
    for (const stock of [0, 3, 1, 9, 0, 4]) await world.setStock(product.id, stock);
    await sleep(2_000); // several catch-up rounds
    expect(await alertsIn()).toHaveLength(1);

    const viewer = (await loginAs(world.api, 'viewer')).accessToken;
    const listed = await world.call<{ items: RestockAlertDto[]; nextCursor: string | null }>(
      'get',
      `/products/${product.id}/restock-alerts`,
      undefined,
      viewer,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        productId: product.id,
        botId: poster!.botId,
        channelId: alertChannelId,
        roleId,
        messageId: alert.id,
        stockAfter: 5,
        status: 'posted',
        errorCode: null,
      }),
    ]);
    expect(listed.body.nextCursor).toBeNull();
    const stats = await world.sandbox.control.stats();
    expect(stats.http.totals.rateLimited).toBe(0);
  });

  it('catches up a restock whose event never arrived, from the stock ledger', async () => {
    const product = await world.createProduct({
      sku: 'RST-2',
      name: 'Quiet kiwi',
      stock: 0,
      alertChannelId,
      alertRoleId: roleId,
    });
    const before = (await alertsIn()).length;
    // As if the bus had dropped `catalog.stock.changed`: the ledger and the row change alone.
    const db = world.worker!.get(DataSource);
    await db.transaction(async (manager) => {
      await manager.query('UPDATE products SET stock = 7 WHERE id = $1', [product.id]);
      await manager.query(
        `INSERT INTO stock_movements (product_id, delta, quantity, reason) VALUES ($1, 7, 7, 'lost event')`,
        [product.id],
      );
    });
    const alerts = await eventually('the caught-up alert', async () => {
      const found = await alertsIn();
      if (found.length === before) throw new Error('no alert yet');
      return found;
    });
    expect(alerts).toHaveLength(before + 1);
    expect(alerts[alerts.length - 1].content).toContain(
      '**Quiet kiwi** is back in stock: 7 available.',
    );
  });

  it('guards the alert record: viewer reads, unknown products 404, bad ids 400, no token 401', async () => {
    const viewer = (await loginAs(world.api, 'viewer')).accessToken;
    const unknown = await world.call(
      'get',
      '/products/00000000-0000-4000-8000-000000000000/restock-alerts',
      undefined,
      viewer,
    );
    expect(unknown).toMatchObject({ status: 404, body: { code: 'PRODUCT_NOT_FOUND' } });
    const bad = await world.call('get', '/products/nope/restock-alerts', undefined, viewer);
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const anonymous = await world.call('get', '/products/nope/restock-alerts', undefined, '');
    expect(anonymous.status).toBe(401);
  });
});
