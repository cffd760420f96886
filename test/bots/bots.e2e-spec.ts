import { DataSource } from 'typeorm';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.fake-token-for-tests-only-abcd';

describe('Bot configurations', () => {
  let api: TestApi;
  let operator: string;
  let viewer: string;

  beforeAll(async () => {
    api = await startApi();
    operator = (await loginAs(api, 'operator')).accessToken;
    viewer = (await loginAs(api, 'viewer')).accessToken;
  });
  afterAll(() => api.close());

  const unique = (prefix: string) =>
    `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

  async function createBot(body: Record<string, unknown> = {}) {
    return request(api.url)
      .post('/api/v1/bots')
      .set(authHeader(operator))
      .send({ name: unique('bot'), token: TOKEN, ...body });
  }

  it('creates a bot, shows only the last four token characters, and seals the token at rest', async () => {
    const res = await createBot({ tags: ['eu', 'shop'], intents: ['Guilds', 'GuildMessages'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      tokenLast4: 'abcd',
      intents: ['Guilds', 'GuildMessages'],
      tags: ['eu', 'shop'],
      desiredState: 'stopped',
      status: 'stopped',
      version: 1,
    });
    expect(JSON.stringify(res.body)).not.toContain(TOKEN);

    const [row] = await api.app
      .get(DataSource)
      .query('SELECT token_sealed, token_key_id FROM bots WHERE id = $1', [res.body.id]);
    expect(row.token_key_id).toBe('test-1');
    expect(Buffer.from(row.token_sealed).toString('utf8')).not.toContain('fake-token');
  });

  it('defaults intents to Guilds and refuses unknown intents, bad tags and junk tokens field by field', async () => {
    expect((await createBot()).body.intents).toEqual(['Guilds']);
    const res = await createBot({
      intents: ['Guilds', 'Telepathy'],
      tags: ['Not A Tag'],
      token: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const details = res.body.details as Array<{ field: string }>;
    expect(details.map((d) => d.field).sort()).toEqual(['intents', 'tags', 'token']);
  });

  it('refuses a duplicate name case-insensitively with 409 BOT_NAME_TAKEN', async () => {
    const name = unique('Dup');
    expect((await createBot({ name })).status).toBe(201);
    const res = await createBot({ name: name.toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BOT_NAME_TAKEN');
  });

  it('updates with the current version and refuses a stale one with 409', async () => {
    const bot = (await createBot()).body;
    const ok = await request(api.url)
      .patch(`/api/v1/bots/${bot.id}`)
      .set(authHeader(operator))
      .send({ description: 'EU stock bot', version: 1 })
      .expect(200);
    expect(ok.body).toMatchObject({ description: 'EU stock bot', version: 2 });

    const stale = await request(api.url)
      .patch(`/api/v1/bots/${bot.id}`)
      .set(authHeader(operator))
      .send({ description: 'lost update', version: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({
      code: 'BOT_VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
    const after = await request(api.url)
      .get(`/api/v1/bots/${bot.id}`)
      .set(authHeader(viewer))
      .expect(200);
    expect(after.body.description).toBe('EU stock bot');
  });

  it('lists by tag, status and name with cursor pages that do not overlap', async () => {
    const tag = unique('t').toLowerCase().slice(0, 30);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await createBot({ tags: [tag] })).body.id);
    const first = await request(api.url)
      .get(`/api/v1/bots?tag=${tag}&status=stopped&limit=3`)
      .set(authHeader(viewer))
      .expect(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(api.url)
      .get(`/api/v1/bots?tag=${tag}&limit=3&cursor=${first.body.nextCursor}`)
      .set(authHeader(viewer))
      .expect(200);
    expect(second.body.nextCursor).toBeNull();
    const seen = [...first.body.items, ...second.body.items].map((b: { id: string }) => b.id);
    expect(seen).toEqual([...ids].reverse());

    const byName = await request(api.url)
      .get(`/api/v1/bots?name=${encodeURIComponent('%')}`)
      .set(authHeader(viewer))
      .expect(200);
    expect(byName.body.items).toEqual([]);
  });

  it('lets viewers read but not write, and answers unknown or malformed ids clearly', async () => {
    const denied = await request(api.url)
      .post('/api/v1/bots')
      .set(authHeader(viewer))
      .send({ name: unique('v'), token: TOKEN })
      .expect(403);
    expect(denied.body.code).toBe('ROLE_TOO_LOW');
    const missing = await request(api.url)
      .get('/api/v1/bots/7b0c1c3e-6a0e-4a8e-9d0b-2f1e4f1a2b3c')
      .set(authHeader(viewer))
      .expect(404);
    expect(missing.body.code).toBe('BOT_NOT_FOUND');
    const malformed = await request(api.url)
      .get('/api/v1/bots/not-a-uuid')
      .set(authHeader(viewer))
      .expect(400);
    expect(malformed.body.details).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
  });

  it('deletes a bot', async () => {
    const bot = (await createBot()).body;
    await request(api.url).delete(`/api/v1/bots/${bot.id}`).set(authHeader(operator)).expect(204);
    await request(api.url).get(`/api/v1/bots/${bot.id}`).set(authHeader(viewer)).expect(404);
  });
});
