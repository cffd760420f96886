import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { authHeader } from '../support/auth';
import { type RuntimeWorld, startRuntimeWorld } from '../runtime/support/runtime-world';
import { type BulkOperation, waitForCompletion } from './bulk-support';

/**
 * Bulk lifecycle end to end: the API writes desired states, two real workers (in this process) run real
 * discord.js clients against the sandbox, and every bot's result lands in the operation.
 */
describe('bulk operations: a fleet against the sandbox', () => {
  let world: RuntimeWorld;
  let fleet: Array<{ id: string; userId: string }>;
  /** The bot with a bad token, left in `error` by the start above. */
  let errored: string;

  beforeAll(async () => {
    world = await startRuntimeWorld();
    // Two workers share the fleet and settle items: counters must stay exact, bots run once.
    await world.startWorker();
    await world.startWorker();
    fleet = [];
    for (let n = 0; n < 20; n += 1) {
      const bot = await world.createBot();
      fleet.push({ id: bot.id, userId: bot.sandbox.userId });
    }
  });
  afterAll(() => world?.close());

  async function bulk(kind: string, body: object): Promise<BulkOperation> {
    const res = await request(world.api.url)
      .post(`/api/v1/bulk/bots/${kind}`)
      .set(authHeader(world.operator))
      .send(body);
    expect(res.status).toBe(202);
    return waitForCompletion(world.api, world.operator, res.body.operationId as string, 60_000);
  }

  async function statuses(ids: string[]): Promise<string[]> {
    return Promise.all(
      ids.map(async (id) => {
        const res = await request(world.api.url)
          .get(`/api/v1/bots/${id}`)
          .set(authHeader(world.operator))
          .expect(200);
        return (res.body as { status: string }).status;
      }),
    );
  }

  it('starts 20 bots: all online, one gateway session each, the operation completed', async () => {
    const operation = await bulk('start', { botIds: fleet.map((bot) => bot.id) });
    expect(operation.status).toBe('completed');
    expect(operation.totals).toEqual({ total: 20, pending: 0, succeeded: 20, failed: 0 });
    expect(operation.items.every((item) => item.status === 'succeeded')).toBe(true);
    expect(await statuses(fleet.map((bot) => bot.id))).toEqual(Array(20).fill('online'));
    const sessions = await world.connectedSessions();
    expect(fleet.map((bot) => sessions.get(bot.userId))).toEqual(Array(20).fill(1));
  });

  it('restarts bots onto new gateway sessions', async () => {
    const targets = fleet.slice(0, 3);
    const sessionsOf = async () =>
      (await world.sandbox.control.stats()).gateway.sessions
        .filter((s) => s.connected && targets.some((bot) => bot.userId === s.botUserId))
        .map((s) => s.sessionId)
        .sort();
    const before = await sessionsOf();
    expect(before).toHaveLength(3);
    const operation = await bulk('restart', { botIds: targets.map((bot) => bot.id) });
    expect(operation.totals).toEqual({ total: 3, pending: 0, succeeded: 3, failed: 0 });
    const after = await sessionsOf();
    expect(after).toHaveLength(3);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });

  it('fails an unknown id and a bad token item by item while the rest start', async () => {
    const good = await world.createBot();
    const bad = await world.createBot({
      token: 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.not-a-sandbox-token-at-all',
    });
    const unknown = randomUUID();
    const operation = await bulk('start', { botIds: [good.id, unknown, bad.id] });
    expect(operation.totals).toEqual({ total: 3, pending: 0, succeeded: 1, failed: 2 });
    expect(operation.items).toEqual([
      expect.objectContaining({ botId: good.id, status: 'succeeded', errorCode: null }),
      expect.objectContaining({ botId: unknown, status: 'failed', errorCode: 'BOT_NOT_FOUND' }),
      expect.objectContaining({
        botId: bad.id,
        status: 'failed',
        errorCode: 'BOT_START_FAILED',
        errorMessage: expect.stringMatching(/token/i),
      }),
    ]);
    fleet.push({ id: good.id, userId: good.sandbox.userId });
    errored = bad.id;
  });

  it('stops the whole fleet: every bot stopped, the errored one counted, no session left', async () => {
    const operation = await bulk('stop', { botIds: [...fleet.map((bot) => bot.id), errored] });
    expect(operation.totals).toEqual({ total: 22, pending: 0, succeeded: 22, failed: 0 });
    expect(await statuses(fleet.map((bot) => bot.id))).toEqual(Array(21).fill('stopped'));
    // Not running either way: the runtime leaves a bot in error as it is.
    expect(await statuses([errored])).toEqual(['error']);
    const sessions = await world.connectedSessions();
    expect(fleet.filter((bot) => sessions.has(bot.userId))).toEqual([]);
  });
});
