import { CommandRegistry } from '@botdeck/commands';
import {
  type RunningSandbox,
  signingKeysFor,
  signInteraction,
  startSandbox,
} from '@botdeck/discord-sandbox';
import { Module } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { Routes } from 'discord.js';
import type { KeyObject } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../apps/api/src/api.module';
import { createApiApp } from '../../apps/api/src/bootstrap';
import type { TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { setEnv } from '../support/env';
import { until } from '../support/eventually';
import { freePort } from '../support/free-port';
import { PLAYER, startCommandsWorker } from './support/commands-world';
import { TestCommands } from './support/test-commands';

/** The API as production builds it, plus the test-only handlers (`/slow`, `/boom`…). */
@Module({ imports: [ApiModule], providers: [TestCommands] })
class ApiWithTestCommands {}

interface Instance extends TestApi {
  dataSource: DataSource;
  registry: CommandRegistry;
}

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const restore = setEnv({ INTERACTIONS_PUBLIC_URL: url });
  try {
    const app = await createApiApp(ApiWithTestCommands);
    app.useLogger(false);
    await app.listen(port, '127.0.0.1');
    return {
      app,
      url,
      close: () => app.close(),
      dataSource: app.get(DataSource),
      registry: app.get(CommandRegistry),
    };
  } finally {
    restore();
  }
}

describe('commands: slash commands over the HTTP interactions endpoint', () => {
  let sandbox: RunningSandbox;
  let restoreEnv: () => void;
  let a: Instance | null;
  let b: Instance;
  let writer: TestingModule;
  let operator: string;
  let botId: string;
  let privateKey: KeyObject;
  let guildId: string;
  let channelId: string;
  let applicationId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false });
    restoreEnv = setEnv({ DISCORD_API_URL: sandbox.baseUrl });
    [a, b] = await Promise.all([startInstance(), startInstance()]);
    // A worker drains the command-log queue the API instances write into.
    writer = await startCommandsWorker({ COMMAND_LOG_FLUSH_MS: '20' });
    operator = (await loginAs(a, 'operator')).accessToken;

    const created = await sandbox.control.createBot(`http-${Date.now()}`);
    applicationId = created.applicationId;
    privateKey = signingKeysFor(created.token).privateKey;
    guildId = await sandbox.control.createGuild('HTTP Guild');
    channelId = await sandbox.control.createChannel(guildId, 'general');
    await sandbox.control.addBotToGuild(guildId, created.userId);
    const res = await request(a.url)
      .post('/api/v1/bots')
      .set(authHeader(operator))
      .send({ name: `http-bot-${Date.now()}`, token: created.token })
      .expect(201);
    botId = (res.body as { id: string }).id;
    await request(a.url)
      .post(`/api/v1/bots/${botId}/validate`)
      .set(authHeader(operator))
      .expect(200);
    // A bot in HTTP mode still has its commands registered with its application.
    await fetch(`${sandbox.apiUrl}/v10${Routes.applicationCommands(applicationId)}`, {
      method: 'PUT',
      headers: { authorization: `Bot ${created.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(a.registry.toJSON()),
    });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await writer?.close();
    restoreEnv?.();
    await sandbox?.stop();
  });

  const play = (command: string, options?: Record<string, unknown>) =>
    sandbox.control.playInteraction({
      applicationId,
      guildId,
      channelId,
      user: PLAYER,
      command,
      options,
    });

  const setMode = (instance: Instance, body: Record<string, unknown>) =>
    request(instance.url)
      .put(`/api/v1/bots/${botId}/interactions`)
      .set(authHeader(operator))
      .send(body);

  /** A request to B's endpoint, signed (or not) as the test says. */
  function post(
    body: string,
    sign: { timestamp?: number; signedBody?: string; signature?: string | null } = {},
    target = botId,
  ) {
    const timestamp = String(sign.timestamp ?? Math.floor(Date.now() / 1000));
    const signature =
      sign.signature === undefined
        ? signInteraction(privateKey, timestamp, sign.signedBody ?? body)
        : sign.signature;
    const req = request(b.url)
      .post(`/interactions/${target}`)
      .set('content-type', 'application/json');
    if (signature !== null) {
      void req.set('x-signature-ed25519', signature).set('x-signature-timestamp', timestamp);
    }
    return req.send(body);
  }

  it('stores the public key on validation and refuses HTTP mode with a malformed key', async () => {
    const bot = await request(a!.url)
      .get(`/api/v1/bots/${botId}`)
      .set(authHeader(operator))
      .expect(200);
    expect(bot.body).toMatchObject({ interactionsMode: 'gateway' });
    expect(bot.body.publicKey).toMatch(/^[0-9a-f]{64}$/);
    const bad = await setMode(a!, { mode: 'http', publicKey: 'xyz' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers /ping over HTTP on instance A once Discord accepted A as the endpoint', async () => {
    const res = await setMode(a!, { mode: 'http' }).expect(200);
    expect(res.body).toMatchObject({ interactionsMode: 'http' });
    const played = await play('ping');
    expect(played.deliveryError).toBeNull();
    expect(played.response).toMatchObject({ type: 4 });
    expect(played.response?.content).toBe('Pong! Gateway: none (HTTP interactions)');
    const done = await until(
      'the round trip edit',
      () => sandbox.control.interaction(played.interactionId),
      (state) => /round trip/.test(state.original?.content ?? ''),
    );
    expect(done.deliveryError).toBeNull();

    // Tracked as on the gateway path: one row, with its outcome and duration.
    const rows = await until(
      'the command log row',
      () =>
        a!.dataSource.query<{ status: string; duration_ms: number | null; bot_id: string }[]>(
          'SELECT status, duration_ms, bot_id FROM command_logs WHERE interaction_id = $1',
          [played.interactionId],
        ),
      (found) => found[0]?.status === 'success',
    );
    expect(rows).toEqual([{ status: 'success', duration_ms: expect.any(Number), bot_id: botId }]);
  });

  it('moves to instance B and keeps answering with A gone', async () => {
    await setMode(b, { mode: 'http' }).expect(200);
    await a!.close();
    a = null;
    const played = await play('ping');
    expect(played.deliveryError).toBeNull();
    expect(played.response?.content).toMatch(/^Pong!/);
  });

  it('enforces the same per-user cooldowns as the gateway path', async () => {
    const first = await play('echo', { text: 'one' });
    const second = await play('echo', { text: 'two' });
    expect(first.response?.content).toBe('echo: one');
    expect(second.response?.content).toMatch(/^You're doing that too fast\. Try again in \d+ s\.$/);
  });

  it('answers a PING with a PONG', async () => {
    const res = await post(JSON.stringify({ type: 1, id: '1', application_id: applicationId }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 1 });
  });

  it('refuses a missing, a bad and a stale signature, and a tampered body, with 401', async () => {
    const body = JSON.stringify({ type: 1 });
    const missing = await post(body, { signature: null });
    const bad = await post(body, { signature: 'ab'.repeat(64) });
    const stale = await post(body, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const future = await post(body, { timestamp: Math.floor(Date.now() / 1000) + 600 });
    const tampered = await post(JSON.stringify({ type: 1, extra: true }), { signedBody: body });
    expect(
      [missing, bad, stale, future, tampered].map((res) => [
        res.status,
        (res.body as { code: string }).code,
      ]),
    ).toEqual([
      [401, 'INTERACTION_SIGNATURE_INVALID'],
      [401, 'INTERACTION_SIGNATURE_INVALID'],
      [401, 'INTERACTION_TIMESTAMP_STALE'],
      [401, 'INTERACTION_TIMESTAMP_STALE'],
      [401, 'INTERACTION_SIGNATURE_INVALID'],
    ]);
  });

  it('answers 404 for an unknown bot and refuses a body that is no interaction', async () => {
    const unknown = await post(
      JSON.stringify({ type: 1 }),
      {},
      '00000000-0000-4000-8000-000000000000',
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'INTERACTIONS_ENDPOINT_NOT_FOUND']);
    const notInteraction = await post(JSON.stringify({ hello: 'world' }));
    expect([notInteraction.status, notInteraction.body.code]).toEqual([400, 'INTERACTION_INVALID']);
  });

  it('defers a handler slower than the 3 s budget, as on the gateway path', async () => {
    const played = await play('slow');
    expect(played.deliveryError).toBeNull();
    expect(played.response).toMatchObject({ type: 5 });
    const done = await until(
      'the slow answer',
      () => sandbox.control.interaction(played.interactionId),
      (state) => state.original?.content === 'slow answer',
    );
    expect(done.original?.content).toBe('slow answer');
    const rows = await until(
      'the deferred command log row',
      () =>
        b.dataSource.query<{ status: string; deferred: boolean; duration_ms: number }[]>(
          'SELECT status, deferred, duration_ms FROM command_logs WHERE interaction_id = $1',
          [played.interactionId],
        ),
      (found) => found[0]?.status === 'success',
    );
    expect(rows[0]).toMatchObject({ deferred: true });
    expect(rows[0].duration_ms).toBeGreaterThanOrEqual(4_000);
  });

  it('goes back to the gateway: the endpoint then answers 404', async () => {
    await setMode(b, { mode: 'gateway' }).expect(200);
    const res = await post(JSON.stringify({ type: 1 }));
    expect([res.status, res.body.code]).toEqual([404, 'INTERACTIONS_ENDPOINT_NOT_FOUND']);
  });
});
