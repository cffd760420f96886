import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { startApi, type TestApi } from '../support/api';

const INDEX = '<!doctype html><title>Botdeck</title><div id="app"></div>';

describe('the dashboard served by the API', () => {
  let dir: string;
  let built: TestApi;
  let bare: TestApi;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'botdeck-dashboard-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-123.js'), 'console.log("dashboard")');
    built = await startApi({ DASHBOARD_DIR: dir });
    bare = await startApi({ DASHBOARD_DIR: join(dir, 'missing') });
  });

  afterAll(async () => {
    await built?.close();
    await bare?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes, and the assets as files', async () => {
    for (const path of ['/', '/bots/5f0c', '/commands', '/stock?x=1']) {
      const res = await request(built.url).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const asset = await request(built.url).get('/assets/app-123.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API, Swagger, Prometheus and socket.io paths to the API', async () => {
    const unknown = await request(built.url).get('/api/v1/no-such-thing').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
    const post = await request(built.url).post('/api/v1/no-such-thing').send({}).expect(404);
    expect(post.headers.allow).toBeUndefined();
    expect(post.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    // A wrong method on a dashboard path is no 405 with "Allow: GET" either.
    await request(built.url).delete('/bots/5f0c').expect(404);
    await request(built.url).get('/api/v1/monitoring/health').expect(200);
    const docs = await request(built.url).get('/docs-json').expect(200);
    expect(docs.body).toHaveProperty('openapi');
    await request(built.url).get('/docs').expect(200);
    // Prometheus text where the monitoring module serves it; never the page.
    const metrics = await request(built.url).get('/metrics');
    expect(metrics.headers['content-type']).not.toMatch(/^text\/html/);
    if (metrics.status === 404) expect(metrics.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    const realtime = await request(built.url).get('/realtime/?EIO=4&transport=polling');
    expect(realtime.text).not.toBe(INDEX);
    const docsMissing = await request(built.url).get('/docs/no-such-file.js').expect(404);
    expect(docsMissing.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('starts without a built dashboard and says at / how to build it', async () => {
    const root = await request(bare.url).get('/').expect(404);
    expect(root.text).toContain('npm run build');
    const other = await request(bare.url).get('/bots/5f0c').expect(404);
    expect(other.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    await request(bare.url).get('/api/v1/monitoring/health').expect(200);
  });

  it('builds against API types that match the OpenAPI document (regenerate when this fails)', async () => {
    const script = join(__dirname, '../../scripts/dashboard-api-types.js');
    const run = promisify(execFile)(process.execPath, [
      script,
      '--from',
      `${built.url}/docs-json`,
      '--check',
    ]);
    await expect(run).resolves.toMatchObject({
      stdout: expect.stringContaining('is up to date') as unknown,
    });
  });
});
