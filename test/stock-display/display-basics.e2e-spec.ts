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
    const created = await world.createDisplay({
      botId: shop.botId,
      guildId: world.guildId,
      channelId: shop.channelId,
    });
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
});
