import { type RuntimeWorld, startRuntimeWorld } from '../runtime/support/runtime-world';
import {
  allItems,
  channelMessages,
  rateLimited,
  sendBulk,
  startBots,
  waitForFinish,
} from './messaging-support';

const BOTS = 5;
const CHANNELS = 25;
const OPERATIONS = 4;

/**
 * 500 targets over 5 bots and 25 channels, as 4 announcements sent at once, through two
 * workers, with Discord's rate limits on in the sandbox: every channel holds exactly its
 * messages, each bot kept its even pace and the sandbox answered no 429.
 */
describe('bulk messages: many bots into many channels', () => {
  let world: RuntimeWorld;
  const bots: Array<{ id: string; userId: string }> = [];
  const channels: string[] = [];
  let otherGuildChannels: string[] = [];

  beforeAll(async () => {
    world = await startRuntimeWorld({ rateLimits: true });
    for (let n = 0; n < CHANNELS; n++) {
      channels.push(await world.sandbox.control.createChannel(world.guildId, `news-${n}`));
    }
    for (let n = 0; n < BOTS; n++) {
      const bot = await world.createBot();
      bots.push({ id: bot.id, userId: bot.sandbox.userId });
    }
    // A second guild that the first bot is not in.
    const other = await world.sandbox.control.createGuild('Other Guild');
    otherGuildChannels = [
      await world.sandbox.control.createChannel(other, 'other-a'),
      await world.sandbox.control.createChannel(other, 'other-b'),
    ];
    for (const bot of bots.slice(1)) await world.sandbox.control.addBotToGuild(other, bot.userId);
    await world.startWorker();
    await world.startWorker();
    await startBots(
      world,
      bots.map((bot) => bot.id),
    );
  }, 120_000);
  afterAll(() => world?.close());

  it('sends 500 targets with every channel holding exactly its messages and no 429', async () => {
    const before = await rateLimited(world);
    const botIds = bots.map((bot) => bot.id);
    const ids = await Promise.all(
      Array.from({ length: OPERATIONS }, (_, n) =>
        sendBulk(world, { content: `announcement ${n}`, botIds, channelIds: channels }),
      ),
    );
    const operations = await Promise.all(ids.map((id) => waitForFinish(world, id, 60_000)));
    for (const operation of operations) {
      expect({ status: operation.status, totals: operation.totals }).toEqual({
        status: 'completed',
        totals: { total: BOTS * CHANNELS, pending: 0, succeeded: BOTS * CHANNELS, failed: 0 },
      });
    }

    const held = await channelMessages(world, channels);
    const expected = [...Array(OPERATIONS).keys()]
      .flatMap((n) => bots.map((bot) => `${bot.userId}:announcement ${n}`))
      .sort();
    for (const channelId of channels) {
      const seen = held
        .get(channelId)!
        .map((message) => `${message.author.id}:${message.content}`)
        .sort();
      expect(seen).toEqual(expected);
    }
    // Each item names the message Discord created, in its channel.
    const items = await allItems(world, ids[0]);
    expect(items).toHaveLength(BOTS * CHANNELS);
    const created = new Set([...held.values()].flat().map((message) => message.id));
    expect(items.every((item) => item.messageId !== null && created.has(item.messageId))).toBe(
      true,
    );
    expect((await rateLimited(world)) - before).toBe(0);
    // Each bot's 100 messages went out at its even pace (MESSAGING_SENDS_PER_SECOND, 40 by
    // default: 2.5 s), not as bursts of 50 a second (about 1 s).
    for (const bot of bots) {
      const times = [...held.values()]
        .flat()
        .filter((message) => message.author.id === bot.userId)
        .map((message) => Date.parse(message.timestamp))
        .sort((a, b) => a - b);
      expect(times).toHaveLength(OPERATIONS * CHANNELS);
      expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(2_000);
    }
  }, 90_000);

  it('fails with 50001 only the targets of a bot missing from the guild', async () => {
    const id = await sendBulk(world, {
      content: 'to the other guild',
      botIds: bots.map((bot) => bot.id),
      channelIds: otherGuildChannels,
    });
    const operation = await waitForFinish(world, id);
    expect(operation.totals).toEqual({ total: 10, pending: 0, succeeded: 8, failed: 2 });
    const failed = (await allItems(world, id)).filter((item) => item.status === 'failed');
    expect(failed.map((item) => [item.botId, item.errorCode])).toEqual([
      [bots[0].id, '50001'],
      [bots[0].id, '50001'],
    ]);
    const held = await channelMessages(world, otherGuildChannels);
    for (const channelId of otherGuildChannels) expect(held.get(channelId)).toHaveLength(4);
  }, 60_000);
});
