import { until } from '../support/eventually';
import { descriptionOf, type DisplayWorld, startDisplayWorld } from './support/display-world';

const EDIT = 'PATCH /channels/:channelId/messages/:messageId';
const POST = 'POST /channels/:channelId/messages';

/** REST to Discord: a display is posted once, then edited in place as the catalog changes. */
describe('Stock display: REST to the message in the channel', () => {
  let world: DisplayWorld;
  let shop: Awaited<ReturnType<DisplayWorld['startShop']>>;

  beforeAll(async () => {
    world = await startDisplayWorld();
    shop = await world.startShop();
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  it('posts the display, edits that same message on a change, and hides a hidden product', async () => {
    const apple = await world.createProduct({
      sku: 'APL',
      name: 'Apple',
      stock: 12,
      priceMinor: 199,
      emoji: '🍎',
      sortOrder: 1,
    });
    await world.createProduct({
      sku: 'PER',
      name: 'Pear',
      stock: 0,
      priceMinor: 250,
      sortOrder: 2,
    });
    const created = await world.createDisplay(shop.target);
    expect(created).toMatchObject({ status: 'pending', messageIds: [], enabled: true });

    const live = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    expect(live.messageIds).toHaveLength(1);
    let messages = await world.messages(shop.channelId);
    expect(messages.map((m) => m.id)).toEqual(live.messageIds);
    expect(messages[0].author.id).toBe(shop.botUserId);
    expect(descriptionOf(messages[0])).toBe(
      '🍎 **Apple** — €1.99 · 12 left\n**Pear** — €2.50 · sold out',
    );

    await world.setStock(apple.id, 11);
    await world.waitForDisplay(created.id, (d) => d.contentHash !== live.contentHash);
    messages = await world.messages(shop.channelId);
    expect(messages.map((m) => m.id)).toEqual(live.messageIds);
    expect(descriptionOf(messages[0])).toContain('**Apple** — €1.99 · 11 left');
    expect(messages[0].edited_timestamp).not.toBeNull();
    expect((await world.requestCounts(POST)).requests).toBe(1);
    expect((await world.requestCounts(EDIT)).rateLimited).toBe(0);
  });

  it('spreads a large catalog over several messages in order and deletes the extra ones when it shrinks', async () => {
    const channelId = await world.sandbox.control.createChannel(world.guildId, 'big');
    const long = (n: number) => `${String(n).padStart(3, '0')} ${'x'.repeat(180)}`;
    for (let n = 0; n < 60; n += 1) {
      await world.createProduct({
        sku: `BIG-${n}`,
        name: long(n),
        category: 'big',
        stock: n + 1,
        sortOrder: 100 + n,
      });
    }
    const created = await world.createDisplay({
      botId: shop.botId,
      guildId: world.guildId,
      channelId,
      categories: ['big'],
    });
    const live = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    expect(live.messageIds.length).toBeGreaterThanOrEqual(3);
    const messages = await world.messages(channelId);
    expect(messages.map((m) => m.id)).toEqual(live.messageIds);
    const shown = messages.flatMap((m) => descriptionOf(m).split('\n'));
    expect(shown).toHaveLength(60);
    shown.forEach((line, n) => expect(line).toContain(long(n).slice(0, 20)));

    const shrunk = await world.call<{ version: number }>('patch', `/stock-displays/${created.id}`, {
      version: live.version,
      categories: ['none-such'],
    });
    expect(shrunk.status).toBe(200);
    const after = await world.waitForDisplay(created.id, (d) => d.messageIds.length === 1);
    expect(after.messageIds).toEqual([live.messageIds[0]]);
    const left = await world.messages(channelId);
    expect(left.map((m) => m.id)).toEqual(after.messageIds);
    expect(descriptionOf(left[0])).toBe('No products to show right now.');
  });

  it('removes a hidden product and, while disabled, the message itself', async () => {
    const channelId = await world.sandbox.control.createChannel(world.guildId, 'toggles');
    const plum = await world.createProduct({
      sku: 'PLM',
      name: 'Plum',
      category: 'stone',
      stock: 4,
    });
    await world.createProduct({ sku: 'PCH', name: 'Peach', category: 'stone', stock: 6 });
    const created = await world.createDisplay({
      botId: shop.botId,
      guildId: world.guildId,
      channelId,
      categories: ['stone'],
    });
    const live = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    expect(descriptionOf((await world.messages(channelId))[0])).toContain('**Plum**');

    const hidden = await world.call('patch', `/products/${plum.id}`, {
      version: plum.version,
      visible: false,
    });
    expect(hidden.status).toBe(200);
    await until(
      'the hidden product gone from the message',
      async () => descriptionOf((await world.messages(channelId))[0]),
      (text) => !text.includes('Plum') && text.includes('Peach'),
      { timeoutMs: 6_000 },
    );

    const current = await world.display(created.id);
    await world.call('patch', `/stock-displays/${created.id}`, {
      version: current.version,
      enabled: false,
    });
    const disabled = await world.waitForDisplay(created.id, (d) => d.messageIds.length === 0);
    expect(disabled).toMatchObject({ status: 'pending', statusReason: 'disabled' });
    expect(await world.messages(channelId)).toEqual([]);

    await world.call('patch', `/stock-displays/${created.id}`, {
      version: disabled.version,
      enabled: true,
    });
    const again = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    expect(again.messageIds).toHaveLength(1);
    expect(again.messageIds[0]).not.toBe(live.messageIds[0]);
    expect((await world.messages(channelId)).map((m) => m.id)).toEqual(again.messageIds);
    expect((await world.requestCounts(EDIT)).rateLimited).toBe(0);
  });
});
