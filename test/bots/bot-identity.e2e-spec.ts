import { startSandbox } from '@botdeck/discord-sandbox';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

describe('Bot identity against Discord (the sandbox)', () => {
  let sandbox: Sandbox;
  let api: TestApi;
  let operator: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false });
    api = await startApi({ DISCORD_API_URL: sandbox.baseUrl });
    operator = (await loginAs(api, 'operator')).accessToken;
  });
  afterAll(async () => {
    await api.close();
    await sandbox.stop();
  });

  async function createBot(token: string) {
    const res = await request(api.url)
      .post('/api/v1/bots')
      .set(authHeader(operator))
      .send({ name: `identity-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, token })
      .expect(201);
    return res.body as { id: string; version: number };
  }

  it('validates a token and stores who the bot is', async () => {
    const discordBot = await sandbox.control.createBot('stock-eu');
    const bot = await createBot(discordBot.token);
    const res = await request(api.url)
      .post(`/api/v1/bots/${bot.id}/validate`)
      .set(authHeader(operator))
      .expect(200);
    expect(res.body).toMatchObject({
      applicationId: discordBot.applicationId,
      botUserId: discordBot.userId,
      botUsername: 'stock-eu',
      validatedAt: expect.any(String),
    });
  });

  it('answers BOT_TOKEN_INVALID for a token Discord refuses, changing nothing', async () => {
    const bot = await createBot('MTIzNDU2Nzg5MDEyMzQ1Njc4.AbCdEf.not-a-token-discord-knows');
    const res = await request(api.url)
      .post(`/api/v1/bots/${bot.id}/validate`)
      .set(authHeader(operator))
      .expect(422);
    expect(res.body).toMatchObject({ code: 'BOT_TOKEN_INVALID' });
    const after = await request(api.url).get(`/api/v1/bots/${bot.id}`).set(authHeader(operator));
    expect(after.body).toMatchObject({ validatedAt: null, version: bot.version });
  });

  it('rotates to a new token of the same application, and refuses another application’s', async () => {
    const first = await sandbox.control.createBot('rotating');
    const bot = await createBot(first.token);
    await request(api.url)
      .post(`/api/v1/bots/${bot.id}/validate`)
      .set(authHeader(operator))
      .expect(200);

    const other = await sandbox.control.createBot('someone-else');
    const refused = await request(api.url)
      .put(`/api/v1/bots/${bot.id}/token`)
      .set(authHeader(operator))
      .send({ token: other.token })
      .expect(409);
    expect(refused.body.code).toBe('BOT_TOKEN_MISMATCH');

    const rotated = await request(api.url)
      .put(`/api/v1/bots/${bot.id}/token`)
      .set(authHeader(operator))
      .send({ token: first.token })
      .expect(200);
    expect(rotated.body).toMatchObject({
      tokenLast4: first.token.slice(-4),
      botUserId: first.userId,
    });
  });

  it('answers DISCORD_UNAVAILABLE (502) when Discord cannot be reached', async () => {
    const offline = await startApi({ DISCORD_API_URL: 'http://127.0.0.1:9' });
    try {
      const token = (await sandbox.control.createBot('offline')).token;
      const res = await request(offline.url)
        .post('/api/v1/bots')
        .set(authHeader(operator))
        .send({ name: `offline-${Date.now()}`, token })
        .expect(201);
      const validate = await request(offline.url)
        .post(`/api/v1/bots/${res.body.id}/validate`)
        .set(authHeader(operator))
        .expect(502);
      expect(validate.body.code).toBe('DISCORD_UNAVAILABLE');
    } finally {
      await offline.close();
    }
  });
});
