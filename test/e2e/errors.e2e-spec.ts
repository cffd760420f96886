import request from 'supertest';
import { startApi, TestApi } from '../support/api';

describe('HTTP error conventions', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => api.close());

  it('answers an unknown route with a 404 envelope and a request id', async () => {
    const res = await request(api.url).get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'No route for GET /api/v1/no-such-thing',
      requestId: res.headers['x-request-id'],
    });
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const echoed = await request(api.url).get('/api/v1/nope').set('X-Request-Id', 'trace-42');
    expect(echoed.headers['x-request-id']).toBe('trace-42');
    expect(echoed.body.requestId).toBe('trace-42');

    const unsafe = await request(api.url).get('/api/v1/nope').set('X-Request-Id', 'a b<script>');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
  });

  it('answers an oversize body with 413', async () => {
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(4096) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const res = await request(api.url).delete('/api/v1/auth/login').expect(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body).toMatchObject({ statusCode: 405, code: 'METHOD_NOT_ALLOWED' });
  });
});
