import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs, uniqueClientIp } from '../support/auth';
import { rawRequest } from '../support/raw-http';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.fake-token-for-tests-only-abcd';
const ENVELOPE_KEYS = ['code', 'message', 'requestId', 'statusCode'];

function expectEnvelope(body: unknown, statusCode: number, code: string): void {
  const envelope = body as Record<string, unknown>;
  expect(
    Object.keys(envelope)
      .filter((key) => key !== 'details')
      .sort(),
  ).toEqual(ENVELOPE_KEYS);
  expect(envelope).toMatchObject({ statusCode, code });
  expect(envelope.requestId).toEqual(expect.any(String));
}

function fields(body: unknown): string[] {
  return ((body as { details?: Array<{ field: string }> }).details ?? []).map((d) => d.field);
}

function forgedCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('Hostile input', () => {
  let api: TestApi;
  let admin: string;
  let operator: string;

  beforeAll(async () => {
    api = await startApi({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '3000' });
    admin = (await loginAs(api, 'admin')).accessToken;
    operator = (await loginAs(api, 'operator')).accessToken;
  });
  afterAll(() => api.close());

  describe('deeply nested JSON', () => {
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);

    it.each(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout'])(
      'is refused on %s with 400 JSON_TOO_DEEP before any recursive walk',
      async (path) => {
        const res = await request(api.url)
          .post(path)
          .set('Content-Type', 'application/json')
          .set('X-Forwarded-For', uniqueClientIp())
          .send(deep);
        expect(res.status).toBe(400);
        expectEnvelope(res.body, 400, 'JSON_TOO_DEEP');
      },
    );

    it('counts brackets inside strings as text, not nesting', async () => {
      const res = await request(api.url)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', uniqueClientIp())
        .send({ email: 'nobody@botdeck.test', password: '['.repeat(200) });
      expect(res.status).toBe(401);
    });
  });

  describe('NUL bytes and lone surrogates', () => {
    it('refuses a lone surrogate in the login email with 400 naming the field', async () => {
      const res = await request(api.url)
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .set('X-Forwarded-For', uniqueClientIp())
        .send('{"email":"\\ud800x@botdeck.test","password":"x"}');
      expect(res.status).toBe(400);
      expectEnvelope(res.body, 400, 'VALIDATION_FAILED');
      expect(fields(res.body)).toEqual(['email']);
    });

    it.each([
      ['/api/v1/audit?action=%00', 'action'],
      ['/api/v1/bots?name=%00', 'name'],
      ['/api/v1/users?cursor=%00', 'cursor'],
    ])('refuses GET %s with 400 naming %s', async (path, field) => {
      const res = await request(api.url).get(path).set(authHeader(admin));
      expect(res.status).toBe(400);
      expectEnvelope(res.body, 400, 'VALIDATION_FAILED');
      expect(fields(res.body)).toEqual([field]);
    });

    it.each([
      [{ name: 'a\u0000b' }, 'name'],
      [{ description: 'x\u0000' }, 'description'],
      [{ tags: ['ok', '\ud800'] }, 'tags[1]'],
    ])('refuses a bot body %o with 400 naming %s', async (extra, field) => {
      const res = await request(api.url)
        .post('/api/v1/bots')
        .set(authHeader(operator))
        .send({ name: `bot-${randomUUID()}`, token: TOKEN, ...extra });
      expect(res.status).toBe(400);
      expectEnvelope(res.body, 400, 'VALIDATION_FAILED');
      expect(fields(res.body)).toEqual([field]);
    });
  });

  describe('null where the column is not nullable', () => {
    let bot: { id: string; version: number };

    beforeAll(async () => {
      const res = await request(api.url)
        .post('/api/v1/bots')
        .set(authHeader(operator))
        .send({ name: `bot-${randomUUID()}`, token: TOKEN })
        .expect(201);
      bot = res.body as { id: string; version: number };
    });

    it.each(['name', 'intents', 'devGuildIds', 'description', 'tags', 'desiredState'])(
      'refuses PATCH with %s: null, naming the field',
      async (field) => {
        const res = await request(api.url)
          .patch(`/api/v1/bots/${bot.id}`)
          .set(authHeader(operator))
          .send({ version: bot.version, [field]: null });
        expect(res.status).toBe(400);
        expectEnvelope(res.body, 400, 'VALIDATION_FAILED');
        expect(fields(res.body)).toEqual([field]);
      },
    );
  });

  describe('forged cursors', () => {
    it.each([
      ['an out-of-range timestamp', forgedCursor(['-271821-04-20T00:00:00.000Z', randomUUID()])],
      ['a NUL id', forgedCursor(['2026-01-01T00:00:00.000Z', '\u0000'])],
      ['an id that is not a UUID', forgedCursor(['2026-01-01T00:00:00.000Z', 'abc'])],
      ['a date that is not ISO-8601', forgedCursor(['1', randomUUID()])],
      ['extra elements', forgedCursor(['2026-01-01T00:00:00.000Z', randomUUID(), 1])],
    ])('answers %s with 400 INVALID_CURSOR on every list', async (_label, cursor) => {
      for (const path of ['/api/v1/users', '/api/v1/bots', '/api/v1/audit']) {
        const res = await request(api.url).get(path).query({ cursor }).set(authHeader(admin));
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expectEnvelope(res.body, 400, 'INVALID_CURSOR');
      }
    });
  });

  describe("Fastify's and Node's own refusals", () => {
    it('answers a malformed percent-encoding in the path with a 400 envelope', async () => {
      const res = await request(api.url).get('/api/v1/users/%ZZ').set(authHeader(admin));
      expect(res.status).toBe(400);
      expectEnvelope(res.body, 400, 'BAD_URL');
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    });

    it('answers a path parameter over the limit with a 414 envelope', async () => {
      const res = await request(api.url)
        .get(`/api/v1/bots/${'a'.repeat(300)}`)
        .set(authHeader(admin));
      expect(res.status).toBe(414);
      expectEnvelope(res.body, 414, 'URI_TOO_LONG');
    });

    it('answers headers over 16 KB with a 431 envelope', async () => {
      const res = await rawRequest(api.url, [
        `GET /api/v1/bots HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      ]);
      expect(res.status).toBe(431);
      expectEnvelope(JSON.parse(res.body), 431, 'HEADERS_TOO_LARGE');
      expect(res.headers['x-request-id']).toBe(JSON.parse(res.body).requestId);
    });

    it('answers headers that never finish with a 408 envelope', async () => {
      const res = await rawRequest(api.url, ['GET /api/v1/bots HTTP/1.1\r\nHost: x\r\n']);
      expect(res.status).toBe(408);
      expectEnvelope(JSON.parse(res.body), 408, 'REQUEST_TIMEOUT');
    });

    it('answers a Content-Length that is not a number with a 400 envelope', async () => {
      const res = await rawRequest(api.url, [
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          'Content-Length: abc\r\n\r\n{}',
      ]);
      expect(res.status).toBe(400);
      expectEnvelope(JSON.parse(res.body), 400, 'BAD_REQUEST');
    });
  });

  it('answers an empty JSON body where a body is required with 400 naming the fields', async () => {
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .set('Content-Type', 'application/json');
    expect(res.status).toBe(400);
    expectEnvelope(res.body, 400, 'VALIDATION_FAILED');
    expect(fields(res.body).sort()).toEqual(['email', 'password']);
  });

  it('treats an empty body sent as application/json as no body', async () => {
    const res = await request(api.url)
      .post(`/api/v1/bots/${randomUUID()}/validate`)
      .set(authHeader(operator))
      .set('Content-Type', 'application/json');
    expect(res.status).toBe(404);
    expectEnvelope(res.body, 404, 'BOT_NOT_FOUND');
  });
});
