import { DataSource } from 'typeorm';
import { loginAs } from '../support/auth';
import { until } from '../support/eventually';
import { type DisplayWorld, startDisplayWorld } from './support/display-world';

/** The routes themselves: access, validation, the channel check, and what a delete does. */
describe('Stock display API', () => {
  let world: DisplayWorld;
  let viewer: string;
  let admin: string;
  let shop: Awaited<ReturnType<DisplayWorld['startShop']>>;

  beforeAll(async () => {
    world = await startDisplayWorld();
    viewer = (await loginAs(world.api, 'viewer')).accessToken;
    admin = (await loginAs(world.api, 'admin')).accessToken;
    shop = await world.startShop();
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  const target = () => ({
    ...shop.target,
    title: 'Live stock',
  });

  it('lets viewers read, operators and admins write, and nobody in without a token', async () => {
    const display = await world.createDisplay({ ...target(), enabled: false });
    const id = display.id;
    const writes: ['post' | 'patch' | 'delete', string, unknown][] = [
      ['post', '/stock-displays', { ...target(), title: 'Admin', enabled: false }],
      ['patch', `/stock-displays/${id}`, { version: display.version, title: 'Renamed' }],
      ['post', `/stock-displays/${id}/refresh`, undefined],
      ['delete', `/stock-displays/${id}`, undefined],
    ];
    expect((await world.call('get', '/stock-displays', undefined, viewer)).status).toBe(200);
    expect((await world.call('get', `/stock-displays/${id}`, undefined, viewer)).status).toBe(200);
    for (const [method, path, body] of writes) {
      expect((await world.call(method, path, body, viewer)).status).toBe(403);
      expect((await world.call(method, path, body, '')).status).toBe(401);
    }
    expect((await world.call('get', `/stock-displays/${id}`, undefined, '')).status).toBe(401);
    const expected = [201, 200, 202, 204];
    for (const [index, [method, path, body]] of writes.entries()) {
      expect((await world.call(method, path, body, admin)).status).toBe(expected[index]);
    }
  });

  it('refuses bad input with a 400 naming the field, and an unknown bot with 404', async () => {
    const bad = await world.call('post', '/stock-displays', {
      ...target(),
      channelId: 'general',
      stockMode: 'roughly',
      title: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const fields = (bad.body as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields.sort()).toEqual(['channelId', 'stockMode', 'title']);
    const { title: _title, ...untitledBody } = target();
    const untitled = await world.call('post', '/stock-displays', untitledBody);
    expect(untitled).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });

    const noBot = await world.call('post', '/stock-displays', {
      ...target(),
      botId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noBot).toMatchObject({ status: 404, body: { code: 'BOT_NOT_FOUND' } });
    const missing = await world.call('get', '/stock-displays/00000000-0000-4000-8000-000000000000');
    expect(missing).toMatchObject({ status: 404, body: { code: 'STOCK_DISPLAY_NOT_FOUND' } });
  });

  it('refuses a channel Discord says is in another guild', async () => {
    const otherGuild = await world.sandbox.control.createGuild('Other shop');
    await world.sandbox.control.addBotToGuild(otherGuild, shop.botUserId);
    const foreign = await world.sandbox.control.createChannel(otherGuild, 'elsewhere');
    const res = await world.call('post', '/stock-displays', { ...target(), channelId: foreign });
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'STOCK_DISPLAY_CHANNEL_NOT_IN_GUILD' },
    });
  });

  it('answers 409 to a stale version and lists with filters', async () => {
    const display = await world.createDisplay({ ...target(), enabled: false });
    const stale = await world.call('patch', `/stock-displays/${display.id}`, {
      version: display.version + 1,
      title: 'x',
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'STOCK_DISPLAY_VERSION_CONFLICT' } });
    const list = await world.call<{ items: { id: string }[] }>(
      'get',
      `/stock-displays?botId=${shop.botId}&status=pending&limit=100`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((d) => d.id)).toContain(display.id);
  });

  it('removes a deleted display’s messages from Discord, then its row', async () => {
    await world.createProduct({ sku: 'GONE', name: 'Gone', stock: 1 });
    const display = await world.createDisplay(target());
    const live = await world.waitForDisplay(display.id, (d) => d.status === 'live');
    const before = (await world.messages(shop.channelId)).map((m) => m.id);
    expect(before).toEqual(expect.arrayContaining(live.messageIds));

    expect((await world.call('delete', `/stock-displays/${display.id}`)).status).toBe(204);
    expect((await world.call('get', `/stock-displays/${display.id}`)).status).toBe(404);
    const ds = world.api.app.get(DataSource);
    await until(
      'the deleted display’s row gone',
      () => ds.query<unknown[]>('SELECT 1 FROM stock_displays WHERE id = $1', [display.id]),
      (rows) => rows.length === 0,
    );
    const after = (await world.messages(shop.channelId)).map((m) => m.id);
    expect(after.filter((id) => live.messageIds.includes(id))).toEqual([]);
  });
});
