import { type AppProcess, spawnApp } from '../support/app-process';
import { eventually } from '../support/eventually';

/** The API as `npm start` runs it, its log (pino's destination, stdout) captured line by line. */
describe('API process log', () => {
  let api: AppProcess;
  let url: string;

  beforeAll(async () => {
    api = await spawnApp('api', { HOST: '127.0.0.1', PORT: '0' }, { ready: /listening on http/ });
    url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(api.output())![1]!;
  }, 90_000);
  afterAll(async () => {
    api?.kill('SIGTERM');
    await api?.exited;
  });

  /** Log lines (pino JSON) of the request that carried `requestId`. */
  const linesFor = (requestId: string) =>
    api
      .output()
      .split('\n')
      .filter((line) => line.includes(`"requestId":"${requestId}"`));

  it('logs the address it really bound and no unsupported-route warning', () => {
    expect(api.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(api.output()).not.toContain('127.0.0.1:3000');
    expect(api.output()).not.toContain('Unsupported route path');
  });

  it('writes no log line for a health check, and one for any other request', async () => {
    for (const [path, id] of [
      ['/api/v1/monitoring/health', 'health-probe-1'],
      ['/api/v1/monitoring/health?probe=2', 'health-probe-2'],
    ]) {
      const health = await fetch(`${url}${path}`, { headers: { 'x-request-id': id } });
      expect(health.status).toBe(200);
    }
    const other = await fetch(`${url}/api/v1/auth/me`, {
      headers: { 'x-request-id': 'other-request-1' },
    });
    expect(other.status).toBe(401);

    const otherLines = await eventually('the log line of the other request', () => {
      const lines = linesFor('other-request-1');
      expect(lines.length).toBeGreaterThan(0);
      return lines;
    });
    expect(otherLines.join('\n')).toContain('/api/v1/auth/me');
    // Logged in order: the other request's line is out, so the health check's would be too.
    expect(linesFor('health-probe-1')).toEqual([]);
    expect(linesFor('health-probe-2')).toEqual([]);
  });
});
