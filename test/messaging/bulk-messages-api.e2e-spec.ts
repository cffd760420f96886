import { PermissionFlagsBits } from 'discord.js';
import { EventBus, type EventEnvelope } from '@botdeck/core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { authHeader, loginAs } from '../support/auth';
import { until } from '../support/eventually';
import { type RuntimeWorld, startRuntimeWorld } from '../runtime/support/runtime-world';
import {
  allItems,
  channelMessages,
  getOperation,
  postBulk,
  sendBulk,
  startBots,
  waitForFinish,
} from './messaging-support';

interface ErrorBody {
  code: string;
  details?: Array<{ field: string; messages: string[] }> & Record<string, unknown>;
}

/**
 * The messaging API against a running worker and the sandbox (rate limits on): one message
 * through one bot, mentions, validation, access, pages of results, idempotency and cancel.
 */
describe('messaging API', () => {
  let world: RuntimeWorld;
  let admin: string;
  let viewer: string;
  const bots: Array<{ id: string; userId: string }> = [];
  const channels: string[] = [];
  /** A channel the first bot sees but may not send to. */
  let closed: string;

  beforeAll(async () => {
    world = await startRuntimeWorld({ rateLimits: true });
    admin = (await loginAs(world.api, 'admin')).accessToken;
    viewer = (await loginAs(world.api, 'viewer')).accessToken;
    for (let n = 0; n < 3; n++) {
      channels.push(await world.sandbox.control.createChannel(world.guildId, `room-${n}`));
    }
    for (let n = 0; n < 2; n++) {
      const bot = await world.createBot();
      bots.push({ id: bot.id, userId: bot.sandbox.userId });
    }
    closed = await world.sandbox.control.createChannel(world.guildId, 'closed');
    await world.sandbox.control.setPermissionOverwrite(closed, bots[0].userId, {
      type: 1,
      deny: PermissionFlagsBits.SendMessages,
    });
    await world.startWorker();
    await startBots(
      world,
      bots.map((bot) => bot.id),
    );
  }, 120_000);
  afterAll(() => world?.close());

  const sendOne = (botId: string, body: object, token = world.operator) =>
    request(world.api.url).post(`/api/v1/bots/${botId}/messages`).set(authHeader(token)).send(body);

  it('sends one message through one bot and answers with its Discord id', async () => {
    const res = await sendOne(bots[0].id, { channelId: channels[0], content: 'hello once' });
    expect(res.status).toBe(201);
    const sent = res.body as { id: string; channelId: string; botId: string };
    expect(sent).toEqual({ id: expect.any(String), channelId: channels[0], botId: bots[0].id });
    const held = await world.sandbox.control.channelMessages(channels[0]);
    expect(held.find((message) => message.id === sent.id)).toMatchObject({
      content: 'hello once',
      author: { id: bots[0].userId },
    });

    const unknownChannel = await sendOne(bots[0].id, {
      channelId: '1234567890123456789',
      content: 'lost',
    });
    expect(unknownChannel.status).toBe(422);
    expect(unknownChannel.body).toMatchObject({
      code: 'MESSAGE_REJECTED',
      details: { discordCode: 10003 },
    });
    const unknownBot = await sendOne(randomUUID(), { channelId: channels[0], content: 'x' });
    expect(unknownBot.status).toBe(404);
  });

  it('sends to every text channel a bot can send to, and fails a closed one with 50013', async () => {
    const every = await sendBulk(world, {
      content: 'everywhere',
      botIds: [bots[0].id],
      everyTextChannel: true,
    });
    const explicit = await sendBulk(world, {
      content: 'closed door',
      targets: [{ botId: bots[0].id, channelId: closed }],
    });
    // The world's guild: its "general", the three rooms, and the closed channel.
    const operation = await waitForFinish(world, every);
    expect(operation.totals).toEqual({ total: 4, pending: 0, succeeded: 4, failed: 0 });
    const reached = (await allItems(world, every)).map((item) => item.channelId);
    expect(reached).toEqual(expect.arrayContaining(channels));
    expect(reached).not.toContain(closed);
    const refused = await waitForFinish(world, explicit);
    expect(refused.totals.failed).toBe(1);
    expect((await allItems(world, explicit))[0]).toMatchObject({
      status: 'failed',
      errorCode: '50013',
    });
    expect(await world.sandbox.control.channelMessages(closed)).toEqual([]);
  });

  it('pings nobody unless asked, and lets only admins ping everyone', async () => {
    const quiet = await sendOne(bots[0].id, { channelId: channels[1], content: '@everyone hi' });
    expect(quiet.status).toBe(201);
    const loud = await sendOne(
      bots[0].id,
      {
        channelId: channels[1],
        content: '@everyone now',
        allowedMentions: { parse: ['everyone'] },
      },
      admin,
    );
    expect(loud.status).toBe(201);
    const refused = await sendOne(bots[0].id, {
      channelId: channels[1],
      content: '@everyone no',
      allowedMentions: { parse: ['everyone'] },
    });
    expect(refused.status).toBe(403);
    expect((refused.body as ErrorBody).code).toBe('MESSAGE_EVERYONE_FORBIDDEN');
    const bulkRefused = await postBulk(world, {
      content: '@everyone no',
      allowedMentions: { parse: ['everyone'] },
      botIds: [bots[0].id],
      channelIds: [channels[1]],
    });
    expect(bulkRefused.status).toBe(403);
    expect((bulkRefused.body as ErrorBody).code).toBe('MESSAGE_EVERYONE_FORBIDDEN');

    const id = await sendBulk(world, {
      content: '@everyone bulk',
      botIds: [bots[1].id],
      channelIds: [channels[1]],
    });
    await waitForFinish(world, id);
    const held = await world.sandbox.control.channelMessages(channels[1]);
    const byContent = new Map(held.map((message) => [message.content, message]));
    expect(byContent.get('@everyone hi')?.mention_everyone).toBe(false);
    expect(byContent.get('@everyone bulk')?.mention_everyone).toBe(false);
    expect(byContent.get('@everyone now')?.mention_everyone).toBe(true);
    expect(byContent.has('@everyone no')).toBe(false);
  });

  it.each([
    ['content', { content: 'x'.repeat(2001) }],
    ['content', { content: '' }],
    ['embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }],
    ['embeds[0].title', { embeds: [{ title: 'x'.repeat(257) }] }],
    ['embeds[0].description', { embeds: [{ description: 'x'.repeat(4097) }] }],
    [
      'embeds[0].fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
    ],
    ['embeds[0].fields[0].name', { embeds: [{ fields: [{ name: 'x'.repeat(257), value: 'v' }] }] }],
    [
      'embeds[0].fields[0].value',
      { embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }] },
    ],
    ['embeds[0].footer.text', { embeds: [{ footer: { text: 'x'.repeat(2049) } }] }],
    ['embeds[0].author.name', { embeds: [{ author: { name: 'x'.repeat(257) } }] }],
    ['embeds', { embeds: [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }] }],
    ['allowedMentions.parse[0]', { content: 'x', allowedMentions: { parse: ['admins'] } }],
  ])('refuses a message over Discord limits, naming %s, before sending', async (field, message) => {
    const before = await world.sandbox.control.channelMessages(channels[2]);
    const bulk = await postBulk(world, {
      ...message,
      botIds: [bots[0].id],
      channelIds: [channels[2]],
    });
    expect(bulk.status).toBe(400);
    expect((bulk.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    expect((bulk.body as ErrorBody).details!.map((detail) => detail.field)).toContain(
      field.replace(/\[0\]$/, ''),
    );
    const single = await sendOne(bots[0].id, { ...message, channelId: channels[2] });
    expect(single.status).toBe(400);
    expect(await world.sandbox.control.channelMessages(channels[2])).toEqual(before);
  });

  it('refuses targets that do not fit together, repeat, or number over 10 000', async () => {
    const refuse = async (body: object, code: string, field?: string) => {
      const res = await postBulk(world, { content: 'x', ...body });
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).code).toBe(code);
      if (field) {
        expect((res.body as ErrorBody).details!.map((detail) => detail.field)).toContain(field);
      }
    };
    const target = { botId: bots[0].id, channelId: channels[2] };
    await refuse({}, 'VALIDATION_FAILED', 'botIds');
    await refuse({ targets: [target], botIds: [bots[0].id] }, 'VALIDATION_FAILED', 'botIds');
    await refuse({ botIds: [bots[0].id] }, 'VALIDATION_FAILED', 'channelIds');
    await refuse(
      { botIds: [bots[0].id], channelIds: [channels[2]], everyTextChannel: true },
      'VALIDATION_FAILED',
      'channelIds',
    );
    await refuse({ targets: [{ botId: 'nope', channelId: 'x' }] }, 'VALIDATION_FAILED');
    await refuse({ targets: [target, target] }, 'MESSAGE_TARGETS_DUPLICATE');
    await refuse(
      {
        botIds: Array.from({ length: 101 }, () => randomUUID()),
        channelIds: Array.from({ length: 100 }, (_, n) => String(10n ** 18n + BigInt(n))),
      },
      'MESSAGE_TARGETS_TOO_MANY',
    );
    await refuse(
      {
        botIds: [bots[0].id],
        channelIds: [channels[2]],
        sendAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      },
      'VALIDATION_FAILED',
      'sendAt',
    );
  });

  it('lets operators and admins send, viewers only read', async () => {
    const body = { content: 'x', botIds: [bots[0].id], channelIds: [channels[2]] };
    expect((await postBulk(world, body, viewer)).status).toBe(403);
    expect(
      (await sendOne(bots[0].id, { channelId: channels[2], content: 'x' }, viewer)).status,
    ).toBe(403);
    const id = await sendBulk(world, { ...body, content: 'by an admin' }, admin);
    const read = await request(world.api.url)
      .get(`/api/v1/bulk/operations/${id}`)
      .set(authHeader(viewer));
    expect(read.status).toBe(200);
    const cancel = await request(world.api.url)
      .post(`/api/v1/bulk/operations/${id}/cancel`)
      .set(authHeader(viewer));
    expect(cancel.status).toBe(403);
    await waitForFinish(world, id);
  });

  it('pages the results by cursor, and replays a request with the same Idempotency-Key', async () => {
    const body = {
      content: 'paged',
      targets: bots.flatMap((bot) => channels.map((channelId) => ({ botId: bot.id, channelId }))),
    };
    const key = randomUUID();
    const first = await postBulk(world, body, world.operator, key);
    const again = await postBulk(world, body, world.operator, key);
    expect(first.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const other = await postBulk(world, { ...body, content: 'other' }, world.operator, key);
    expect(other.status).toBe(409);
    const id = (first.body as { operationId: string }).operationId;
    await waitForFinish(world, id);

    const page1 = await getOperation(world, id, '?limit=4');
    expect(page1.items).toHaveLength(4);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await getOperation(world, id, `?limit=4&cursor=${page1.nextCursor}`);
    expect(page2.items).toHaveLength(2);
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].map((item) => [item.botId, item.channelId])).toEqual(
      body.targets.map((target) => [target.botId, target.channelId]),
    );
    const forged = await request(world.api.url)
      .get(`/api/v1/bulk/operations/${id}?cursor=abc`)
      .set(authHeader(world.operator));
    expect(forged.status).toBe(400);
    expect((forged.body as ErrorBody).code).toBe('INVALID_CURSOR');
  });

  it('leaves one audit entry with the counts, and announces progress up to the final totals', async () => {
    const events: EventEnvelope<'operation.progress'>[] = [];
    const unsubscribe = await world.api.app
      .get(EventBus)
      .subscribe('operation.progress', (event) => void events.push(event));
    const id = await sendBulk(world, {
      content: 'audited',
      targets: [
        { botId: bots[0].id, channelId: channels[0] },
        { botId: randomUUID(), channelId: channels[0] },
      ],
    });
    await waitForFinish(world, id);
    const rows = await until(
      'the audit entry of the bulk message',
      () =>
        world.api.app
          .get(DataSource)
          .query<Array<{ action: string; after: Record<string, unknown> }>>(
            'SELECT action, after FROM audit_entries WHERE resource_id = $1',
            [id],
          ),
      (found) => found.length > 0,
      { timeoutMs: 5_000, intervalMs: 100 },
    );
    expect(rows).toEqual([
      {
        action: 'bulk.messages.send',
        after: expect.objectContaining({
          operationId: id,
          kind: 'message',
          targets: 2,
          failedAtOnce: 1,
        }),
      },
    ]);
    await until(
      'the final progress event',
      () => events.some((e) => e.payload.operationId === id && e.payload.totals.pending === 0),
      (seen) => seen,
      { timeoutMs: 5_000 },
    );
    unsubscribe();
    expect(events.filter((e) => e.payload.operationId === id).at(-1)?.payload).toMatchObject({
      kind: 'message',
      status: 'completed',
      totals: { total: 2, pending: 0, succeeded: 1, failed: 1 },
    });
  });

  it('cancels a scheduled send before it fires, and stops what a running one has not sent', async () => {
    const scheduled = await sendBulk(world, {
      content: 'never sent',
      botIds: [bots[0].id],
      channelIds: channels,
      sendAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const cancel = (id: string) =>
      request(world.api.url)
        .post(`/api/v1/bulk/operations/${id}/cancel`)
        .set(authHeader(world.operator));
    const res = await cancel(scheduled);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      totals: { total: 3, pending: 0, succeeded: 0, failed: 3 },
    });
    expect((await allItems(world, scheduled)).map((item) => item.errorCode)).toEqual([
      'BULK_OPERATION_CANCELLED',
      'BULK_OPERATION_CANCELLED',
      'BULK_OPERATION_CANCELLED',
    ]);
    const again = await cancel(scheduled);
    expect(again.status).toBe(409);
    expect((again.body as ErrorBody).code).toBe('BULK_OPERATION_NOT_CANCELLABLE');

    // Seven announcements into the same buckets: five go out at once and each lane holds at
    // most two more claimed, waiting for the bucket (8 s here, so a slow machine cannot let it
    // reset before the cancel). An eighth is then unclaimed until the window ends.
    await world.sandbox.control.setRateLimits({
      buckets: { messageCreate: { limit: 5, windowMs: 8_000 } },
    });
    try {
      const waves = await Promise.all(
        Array.from({ length: 7 }, (_, n) =>
          sendBulk(world, { content: `wave ${n}`, botIds: [bots[1].id], channelIds: channels }),
        ),
      );
      const last = await sendBulk(world, {
        content: 'wave 7',
        botIds: [bots[1].id],
        channelIds: channels,
      });
      const stopped = await cancel(last);
      expect(stopped.status).toBe(200);
      expect((stopped.body as { status: string }).status).toBe('cancelled');
      await Promise.all(waves.map((id) => waitForFinish(world, id, 30_000)));
      expect((await waitForFinish(world, last)).totals).toEqual({
        total: 3,
        pending: 0,
        succeeded: 0,
        failed: 3,
      });
      const held = await channelMessages(world, channels);
      for (const messages of held.values()) {
        expect(messages.some((message) => message.content === 'never sent')).toBe(false);
        expect(messages.some((message) => message.content === 'wave 7')).toBe(false);
        expect(messages.filter((message) => message.content.startsWith('wave '))).toHaveLength(7);
      }
    } finally {
      await world.sandbox.control.setRateLimits({
        buckets: { messageCreate: { limit: 5, windowMs: 5_000 } },
      });
    }
    const lifecycle = await request(world.api.url)
      .post('/api/v1/bulk/bots/stop')
      .set(authHeader(world.operator))
      .send({ botIds: [randomUUID()] });
    expect((await cancel((lifecycle.body as { operationId: string }).operationId)).status).toBe(
      409,
    );
  }, 60_000);
});
