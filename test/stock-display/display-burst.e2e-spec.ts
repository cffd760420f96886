import { until } from '../support/eventually';
import { descriptionOf, type DisplayWorld, startDisplayWorld } from './support/display-world';

const EDIT = 'PATCH /channels/:channelId/messages/:messageId';
const CHANGES = 1_000;

/** Coalescing: a burst of stock changes becomes a handful of edits, inside the channel bucket. */
describe('Stock display: a burst of stock changes', () => {
  let world: DisplayWorld;

  beforeAll(async () => {
    world = await startDisplayWorld();
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  it('ends on the final stock after 1 000 changes in a second, with at most a handful of edits and no 429', async () => {
    const shop = await world.startShop();
    const product = await world.createProduct({ sku: 'BURST', name: 'Burst', stock: 5_000 });
    // Two displays share the channel, and so the bot's bucket for it.
    const displays = await Promise.all(
      ['Live stock', 'Also live'].map((title) =>
        world.createDisplay({
          ...shop.target,
          title,
        }),
      ),
    );
    const live = await Promise.all(
      displays.map((d) => world.waitForDisplay(d.id, (x) => x.status === 'live')),
    );
    const editsBefore = (await world.requestCounts(EDIT)).requests;

    // 1 000 changes of one unit each, sent as 50 bulk adjustments of 20, four at a time (they
    // queue on the product's row anyway; more would only wait for pooled connections): each
    // request commits and announces on its own, so the displays see a stream of changes.
    const started = Date.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (sent < CHANGES) {
          sent += 20;
          const res = await world.call('post', '/bulk/products/stock', {
            reason: 'burst',
            adjustments: Array.from({ length: 20 }, () => ({ productId: product.id, delta: -1 })),
          });
          if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
        }
      }),
    );
    const burstMs = Date.now() - started;
    const expected = `**Burst** — €1.00 · ${5_000 - CHANGES} left`;
    const messages = await until(
      'both displays showing the final stock',
      () => world.messages(shop.channelId),
      (all) => all.length === 2 && all.every((message) => descriptionOf(message) === expected),
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    const settledMs = Date.now() - started - burstMs;
    expect(messages.map((m) => m.id).sort()).toEqual(live.flatMap((d) => d.messageIds).sort());

    const { requests, rateLimited } = await world.requestCounts(EDIT);
    const edits = requests - editsBefore;
    console.log(
      `burst: ${CHANGES} changes in ${burstMs} ms → ${edits} edits over 2 displays, ${rateLimited} × 429, final content ${settledMs} ms after the last change`,
    );
    // One edit per display per second at most (the bucket spent evenly), plus the first and last.
    expect(edits).toBeLessThanOrEqual(2 * (Math.ceil(burstMs / 1_000) + 2));
    // Two displays share the channel's 5 writes per 5 s: the last may wait for a slot.
    expect(settledMs).toBeLessThan(7_000);
    expect(rateLimited).toBe(0);
  });
});
