import { leaseKey } from '@botdeck/bot-runtime';
import Redis from 'ioredis';
import { eventually } from '../support/eventually';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { type RuntimeWorld, startRuntimeWorld } from '../runtime/support/runtime-world';
import {
  channelMessages,
  getOperation,
  rateLimited,
  sendBulk,
  startBots,
  waitForFinish,
} from './messaging-support';

const BOTS = 3;
const CHANNELS = 5;
const WAVES = 8;

/**
 * Workers that die or restart mid-way lose no message and post none twice: a SIGKILLed
 * worker's bots move to the other worker, which resends what the dead one had claimed with the
 * same nonce; a scheduled send's delayed job fires on a worker started after it was made.
 */
describe('bulk messages: workers dying and restarting', () => {
  let world: RuntimeWorld;
  const workers: WorkerProcess[] = [];
  const bots: Array<{ id: string; userId: string }> = [];
  const channels: string[] = [];

  beforeAll(async () => {
    world = await startRuntimeWorld({ rateLimits: true });
    for (let n = 0; n < CHANNELS; n++) {
      channels.push(await world.sandbox.control.createChannel(world.guildId, `feed-${n}`));
    }
    for (let n = 0; n < BOTS; n++) {
      const bot = await world.createBot();
      bots.push({ id: bot.id, userId: bot.sandbox.userId });
    }
    workers.push(...(await Promise.all([spawnWorker(world.env), spawnWorker(world.env)])));
    await startBots(
      world,
      bots.map((bot) => bot.id),
    );
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await world?.close();
  });

  /** Each channel holds each (author, content) exactly once. */
  async function expectEachOnce(contents: string[]): Promise<void> {
    const expected = contents.flatMap((content) => bots.map((bot) => `${bot.userId}:${content}`));
    const held = await channelMessages(world, channels);
    for (const messages of held.values()) {
      const seen = messages
        .map((message) => `${message.author.id}:${message.content}`)
        .filter((key) => expected.includes(key));
      expect(seen.sort()).toEqual([...expected].sort());
    }
  }

  it('completes on the other worker with no duplicate after a SIGKILL mid-operation', async () => {
    const before = await rateLimited(world);
    const botIds = bots.map((bot) => bot.id);
    const ids: string[] = [];
    for (let n = 0; n < WAVES; n++) {
      ids.push(await sendBulk(world, { content: `kill wave ${n}`, botIds, channelIds: channels }));
    }
    const redis = new Redis(world.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      keyPrefix: world.env.REDIS_KEY_PREFIX,
    });
    let victim: WorkerProcess;
    try {
      // Buckets hold 5 per 5 s: once the first waves are out, the later ones are waiting.
      await eventually('the first waves sent', async () => {
        expect((await getOperation(world, ids[0], '?limit=1')).totals.pending).toBe(0);
      });
      const holders = await redis.mget(...botIds.map(leaseKey));
      victim = workers.find((worker) => holders.some((h) => h?.includes(`-${worker.pid}-`)))!;
    } finally {
      redis.disconnect();
    }
    victim.kill('SIGKILL');
    await victim.exited;
    workers.splice(workers.indexOf(victim), 1);
    const midway = await getOperation(world, ids[WAVES - 1], '?limit=1');

    const operations = await Promise.all(ids.map((id) => waitForFinish(world, id, 60_000)));
    expect(midway.totals.pending).toBeGreaterThan(0);
    for (const operation of operations) {
      expect(operation.totals).toEqual({
        total: BOTS * CHANNELS,
        pending: 0,
        succeeded: BOTS * CHANNELS,
        failed: 0,
      });
    }
    await expectEachOnce(ids.map((_, n) => `kill wave ${n}`));
    expect((await rateLimited(world)) - before).toBe(0);
  }, 90_000);

  it('fires a scheduled send on a worker started after it was scheduled', async () => {
    const sendAt = new Date(Date.now() + 6_000);
    const id = await sendBulk(world, {
      content: 'scheduled',
      botIds: bots.map((bot) => bot.id),
      channelIds: channels,
      sendAt: sendAt.toISOString(),
    });
    // The only worker left stops; a new one starts and has to pick the job up.
    const [old] = workers.splice(0);
    old.kill('SIGTERM');
    await old.exited;
    workers.push(await spawnWorker(world.env));
    expect((await getOperation(world, id, '?limit=1')).totals.succeeded).toBe(0);

    const operation = await waitForFinish(world, id, 60_000);
    expect(operation.totals).toMatchObject({ succeeded: BOTS * CHANNELS, failed: 0 });
    await expectEachOnce(['scheduled']);
    const held = [...(await channelMessages(world, channels)).values()].flat();
    const scheduled = held.filter((message) => message.content === 'scheduled');
    expect(scheduled.every((message) => Date.parse(message.timestamp) >= sendAt.getTime())).toBe(
      true,
    );
  }, 90_000);
});
