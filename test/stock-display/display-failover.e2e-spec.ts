import { leaseKey } from '@botdeck/bot-runtime';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { until } from '../support/eventually';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { descriptionOf, type DisplayWorld, startDisplayWorld } from './support/display-world';

const POST = 'POST /channels/:channelId/messages';

/** The display belongs to whichever worker holds its bot: a takeover edits, never reposts. */
describe('Stock display: ownership across workers', () => {
  let world: DisplayWorld;
  let redis: Redis;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    world = await startDisplayWorld({ worker: false });
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      keyPrefix: world.env.REDIS_KEY_PREFIX,
    });
    workers.push(...(await Promise.all([spawnWorker(world.env), spawnWorker(world.env)])));
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    redis?.disconnect();
    await world?.close();
  });

  it('is adopted by the second worker after a SIGKILL of the owner, with no duplicate message', async () => {
    const shop = await world.startShop();
    const product = await world.createProduct({ sku: 'KILL', name: 'Kill', stock: 50 });
    const created = await world.createDisplay(shop.target);
    const live = await world.waitForDisplay(created.id, (d) => d.status === 'live', 20_000);

    const holder = await redis.get(leaseKey(shop.botId));
    const victim = workers.find((worker) => holder?.includes(`-${worker.pid}-`))!;
    const survivor = workers.find((worker) => worker !== victim)!;
    victim.kill('SIGKILL');
    await victim.exited;
    await world.adjustStock(product.id, -7);

    const messages = await until(
      'the survivor showing the change in the same message',
      () => world.messages(shop.channelId),
      (all) => all.some((message) => descriptionOf(message).includes('43 left')),
      { timeoutMs: 25_000, intervalMs: 200 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${survivor.output().slice(-3_000)}`);
    });
    expect(messages.map((m) => m.id)).toEqual(live.messageIds);
    expect(await redis.get(leaseKey(shop.botId))).toContain(`-${survivor.pid}-`);
    expect((await world.requestCounts(POST)).requests).toBe(1);
    expect((await world.requestCounts(POST)).rateLimited).toBe(0);
  });

  it('finds its own message by the footer marker when a crash lost the stored id', async () => {
    const shop = await world.startShop();
    await world.createProduct({ sku: 'LOST', name: 'Lost id', stock: 5 });
    const created = await world.createDisplay(shop.target);
    const live = await world.waitForDisplay(created.id, (d) => d.status === 'live', 20_000);
    const posts = (await world.requestCounts(POST)).requests;

    // What a crash between Discord's answer and the UPDATE leaves behind.
    await world.api.app.get(DataSource).query(
      `UPDATE stock_displays SET message_ids = '{}', message_hashes = '{}', status = 'pending',
           content_hash = NULL WHERE id = $1`,
      [created.id],
    );
    expect((await world.call('post', `/stock-displays/${created.id}/refresh`)).status).toBe(202);
    const back = await world.waitForDisplay(created.id, (d) => d.status === 'live');
    expect(back.messageIds).toEqual(live.messageIds);
    expect(await world.messages(shop.channelId)).toHaveLength(1);
    expect((await world.requestCounts(POST)).requests).toBe(posts);
  });
});
