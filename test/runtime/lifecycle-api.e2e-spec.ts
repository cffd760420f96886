import { BotLifecycleService, BotStatusTimeoutError } from '@botdeck/bot-runtime';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { isolatedDatabase } from '../support/isolated-database';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { until } from '../support/eventually';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.fake-token-for-lifecycle-tests';

/** The API half of the lifecycle: desired state, restart requests, audit. No worker runs here. */
describe('Bot lifecycle endpoints', () => {
  let api: TestApi;
  let operator: string;
  let viewer: string;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    // A database of its own: bots started here must never reach another test's worker.
    database = await isolatedDatabase();
    api = await startApi({ BOT_DELETE_STOP_WAIT_MS: '300', DATABASE_URL: database.url });
    operator = (await loginAs(api, 'operator')).accessToken;
    viewer = (await loginAs(api, 'viewer')).accessToken;
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  async function createBot(): Promise<{ id: string; version: number }> {
    const res = await request(api.url)
      .post('/api/v1/bots')
      .set(authHeader(operator))
      .send({ name: `life-${randomUUID().slice(0, 8)}`, token: TOKEN })
      .expect(201);
    return res.body as { id: string; version: number };
  }

  const post = (path: string, token = operator) =>
    request(api.url).post(`/api/v1/bots/${path}`).set(authHeader(token));

  it('start/stop answer 202 with the desired state, bump the version only on a change, and are audited', async () => {
    const bot = await createBot();
    const started = await post(`${bot.id}/start`).expect(202);
    expect(started.body).toMatchObject({ id: bot.id, desiredState: 'running', status: 'stopped' });
    await post(`${bot.id}/start`).expect(202);
    const afterStarts = await request(api.url)
      .get(`/api/v1/bots/${bot.id}`)
      .set(authHeader(viewer))
      .expect(200);
    expect(afterStarts.body.version).toBe(bot.version + 1);

    const stopped = await post(`${bot.id}/stop`).expect(202);
    expect(stopped.body.desiredState).toBe('stopped');

    // The audit writer batches; poll until both actions have landed.
    const db = api.app.get(DataSource);
    const actions = await until(
      'both audit entries',
      async () => {
        const rows: Array<{ action: string }> = await db.query(
          `SELECT action FROM audit_entries WHERE resource_id = $1 AND outcome = 'success'`,
          [bot.id],
        );
        return rows.map((row) => row.action);
      },
      (found) => found.includes('bot.start') && found.includes('bot.stop'),
      { timeoutMs: 5_000, intervalMs: 100 },
    );
    expect(actions).toEqual(expect.arrayContaining(['bot.start', 'bot.stop']));
  });

  it('restart records a restart request; starting an errored bot counts as one too', async () => {
    const bot = await createBot();
    const db = api.app.get(DataSource);
    await post(`${bot.id}/restart`).expect(202);
    const restartOf = async (): Promise<Date> => {
      const [row] = await db.query<Array<{ at: Date }>>(
        'SELECT restart_requested_at AS at FROM bot_runtime_states WHERE bot_id = $1',
        [bot.id],
      );
      return row.at;
    };
    const first = await restartOf();
    expect(first).toBeInstanceOf(Date);

    await db.query(
      `UPDATE bot_runtime_states SET status = 'error', desired_state = 'stopped' WHERE bot_id = $1`,
      [bot.id],
    );
    await post(`${bot.id}/start`).expect(202);
    expect((await restartOf()).getTime()).toBeGreaterThan(first.getTime());
  });

  it('answers 404 BOT_NOT_FOUND for an unknown bot and 403 for a viewer', async () => {
    const missing = await post(`${randomUUID()}/start`).expect(404);
    expect(missing.body.code).toBe('BOT_NOT_FOUND');
    const bot = await createBot();
    await post(`${bot.id}/stop`, viewer).expect(403);
  });

  it('waitForStatus resolves at once when the bot is there and times out with the status it saw', async () => {
    const bot = await createBot();
    const lifecycle = api.app.get(BotLifecycleService);
    await expect(lifecycle.waitForStatus(bot.id, ['stopped'], 1_000)).resolves.toMatchObject({
      status: 'stopped',
    });
    await expect(lifecycle.waitForStatus(bot.id, ['online'], 300)).rejects.toBeInstanceOf(
      BotStatusTimeoutError,
    );
  });

  it('deleting a running-desired bot asks for a stop first, then deletes it anyway', async () => {
    const bot = await createBot();
    await post(`${bot.id}/start`).expect(202);
    await api.app
      .get(DataSource)
      .query(`UPDATE bot_runtime_states SET status = 'online' WHERE bot_id = $1`, [bot.id]);
    const started = Date.now();
    await request(api.url).delete(`/api/v1/bots/${bot.id}`).set(authHeader(operator)).expect(204);
    // Nobody stopped it (no worker here), so the bounded wait ran out.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await request(api.url).get(`/api/v1/bots/${bot.id}`).set(authHeader(viewer)).expect(404);
  });
});
