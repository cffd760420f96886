import type { StockDisplayStatusEvent } from '@botdeck/stock-display';
import { EventBus } from '@botdeck/core';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { eventually } from '../support/eventually';
import { descriptionOf, type DisplayWorld, startDisplayWorld } from './support/display-world';

const POST = 'POST /channels/:channelId/messages';

/** What Discord does to a display: a moderator deletes its message, its access is taken away. */
describe('Stock display: deleted messages and lost access', () => {
  let world: DisplayWorld;
  const statuses: StockDisplayStatusEvent[] = [];

  beforeAll(async () => {
    world = await startDisplayWorld();
    await world.api.app
      .get(EventBus)
      .subscribe('stock-display.status', ({ payload }) => void statuses.push(payload));
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  it('reposts a message a moderator deleted and stores the new id', async () => {
    const shop = await world.startShop();
    await world.createProduct({ sku: 'DEL', name: 'Deleted', stock: 3 });
    const created = await world.createDisplay(shop.target);
    const live = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    const [first] = live.messageIds;

    await world.sandbox.control.deleteMessage(shop.channelId, first);
    const reposted = await world.waitForDisplay(
      created.id,
      (d) => d.messageIds.length === 1 && d.messageIds[0] !== first,
    );
    expect(reposted.status).toBe('live');
    const messages = await world.messages(shop.channelId);
    expect(messages.map((m) => m.id)).toEqual(reposted.messageIds);
    expect(descriptionOf(messages[0])).toContain('**Deleted**');
  });

  it('goes to error with Discord’s code when access is taken away, and back to live on a refresh once restored', async () => {
    const shop = await world.startShop();
    const product = await world.createProduct({ sku: 'PERM', name: 'Perm', stock: 9 });
    const created = await world.createDisplay(shop.target);
    const live = await world.waitForDisplay(created.id, (d) => d.status === 'live');

    // No View Channel: the next edit is refused with 50001.
    await world.sandbox.control.setPermissionOverwrite(shop.channelId, shop.botUserId, {
      type: 1,
      deny: PermissionFlagsBits.ViewChannel,
    });
    await world.setStock(product.id, 8);
    const failed = await world.waitForDisplay(created.id, (d) => d.status === 'error');
    expect(failed).toMatchObject({ statusCode: 50001, messageIds: live.messageIds });
    // The status is stored, then announced after commit: the event may trail the read.
    await eventually('the error status announced', () =>
      expect(statuses).toContainEqual(
        expect.objectContaining({ displayId: created.id, status: 'error', code: 50001 }),
      ),
    );

    await world.sandbox.control.removePermissionOverwrite(shop.channelId, shop.botUserId);
    const refresh = await world.call('post', `/stock-displays/${created.id}/refresh`);
    expect(refresh.status).toBe(202);
    const back = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    expect(back).toMatchObject({ statusCode: null, messageIds: live.messageIds });
    expect(descriptionOf((await world.messages(shop.channelId))[0])).toContain('8 left');
    expect(statuses).toContainEqual(
      expect.objectContaining({ displayId: created.id, status: 'live', code: null }),
    );
  });

  it('reports 50013 when the bot may see the channel but not send in it', async () => {
    const shop = await world.startShop();
    await world.sandbox.control.setPermissionOverwrite(shop.channelId, shop.botUserId, {
      type: 1,
      deny: PermissionFlagsBits.SendMessages,
    });
    const posts = (await world.requestCounts(POST)).requests;
    const created = await world.createDisplay(shop.target);
    const failed = await world.waitForDisplay(created.id, (d) => d.status === 'error');
    expect(failed).toMatchObject({ statusCode: 50013, messageIds: [] });
    expect((await world.requestCounts(POST)).requests).toBe(posts + 1);

    await world.sandbox.control.removePermissionOverwrite(shop.channelId, shop.botUserId);
    await world.call('post', `/stock-displays/${created.id}/refresh`);
    const back = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    expect(await world.messages(shop.channelId)).toHaveLength(1);
    expect(back.messageIds).toHaveLength(1);
  });

  // Last: its products would otherwise show in the displays above, which filter nothing.
  it('reposts the later parts too when a middle message is deleted, so the order holds', async () => {
    const shop = await world.startShop();
    for (let n = 0; n < 40; n += 1) {
      const name = `${String(n).padStart(2, '0')} ${'m'.repeat(180)}`;
      await world.createProduct({ sku: `MID-${n}`, name, category: 'middle', stock: 1 });
    }
    const created = await world.createDisplay({ ...shop.target, categories: ['middle'] });
    const live = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    expect(live.messageIds.length).toBeGreaterThanOrEqual(2);
    const lines = async () =>
      (await world.messages(shop.channelId)).flatMap((m) => descriptionOf(m).split('\n'));
    const before = await lines();

    await world.sandbox.control.deleteMessage(shop.channelId, live.messageIds[0]);
    const after = await world.waitForDisplay(
      created.id,
      (d) =>
        d.messageIds.length === live.messageIds.length && d.messageIds[0] !== live.messageIds[0],
    );
    expect(after.messageIds.every((id) => !live.messageIds.includes(id))).toBe(true);
    expect((await world.messages(shop.channelId)).map((m) => m.id)).toEqual(after.messageIds);
    expect(await lines()).toEqual(before);
  });
});
