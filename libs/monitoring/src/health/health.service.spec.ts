import type { MonitoringConfig } from '../monitoring.config';
import type { LiveWorker } from '../workers/worker-registry';
import { HealthService, overallStatus } from './health.service';

const config: MonitoringConfig = {
  requireWorker: false,
  heartbeatIntervalMs: 5_000,
  heartbeatTtlMs: 15_000,
  checkTimeoutMs: 200,
  version: '9.9.9',
  aliveFile: undefined,
};

const worker: LiveWorker = {
  id: 'w1',
  host: 'h',
  pid: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  lastBeatAgeMs: 10,
};

const never = () => new Promise<never>(() => undefined);

function service(
  overrides: {
    query?: () => Promise<unknown>;
    status?: string;
    ping?: () => Promise<string>;
    list?: () => Promise<LiveWorker[]>;
    config?: Partial<MonitoringConfig>;
  } = {},
) {
  return new HealthService(
    { query: jest.fn(overrides.query ?? (() => Promise.resolve([{ '?column?': 1 }]))) } as never,
    {
      status: overrides.status ?? 'ready',
      ping: jest.fn(overrides.ping ?? (() => Promise.resolve('PONG'))),
    } as never,
    { list: jest.fn(overrides.list ?? (() => Promise.resolve([worker]))) },
    { ...config, ...overrides.config },
  );
}

describe('HealthService', () => {
  it('reports ok with every check up, latencies and the worker list', async () => {
    const report = await service().report();
    expect(report).toMatchObject({
      status: 'ok',
      version: '9.9.9',
      checks: {
        postgres: { status: 'up', latencyMs: expect.any(Number) },
        redis: { status: 'up', latencyMs: expect.any(Number) },
        workers: { status: 'up', required: false, count: 1, items: [worker] },
      },
    });
    expect(report.checks.postgres.error).toBeUndefined();
  });

  it('reports error when PostgreSQL fails, with the reason', async () => {
    const report = await service({
      query: () => Promise.reject(new Error('connect ECONNREFUSED')),
    }).report();
    expect(report.status).toBe('error');
    expect(report.checks.postgres).toMatchObject({ status: 'down', error: 'connect ECONNREFUSED' });
    expect(report.checks.redis.status).toBe('up');
  });

  it('tells anonymous callers that a check failed, not the error text that names hosts', async () => {
    const failing = service({
      query: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:5432')),
    });
    const anonymous = await failing.report({ details: false });
    expect(anonymous.status).toBe('error');
    expect(anonymous.checks.postgres).toMatchObject({ status: 'down', error: 'unavailable' });
    expect(JSON.stringify(anonymous)).not.toContain('10.0.0.7');
    expect(anonymous.checks.workers).not.toHaveProperty('items');
    const signedIn = await failing.report({ details: true });
    expect(signedIn.checks.postgres.error).toBe('connect ECONNREFUSED 10.0.0.7:5432');
  });

  it('reports Redis down at once when the client is not connected, without pinging', async () => {
    const ping = jest.fn(() => Promise.resolve('PONG'));
    const started = Date.now();
    const report = await service({ status: 'reconnecting', ping }).report();
    expect(Date.now() - started).toBeLessThan(150);
    expect(report.status).toBe('error');
    expect(report.checks.redis).toMatchObject({
      status: 'down',
      error: expect.stringMatching(/reconnecting/),
    });
    expect(report.checks.workers).toMatchObject({ status: 'down', count: 0, items: [] });
    expect(ping).not.toHaveBeenCalled();
  });

  it('pings a client still making its first connection instead of calling Redis down', async () => {
    const ping = jest.fn(() => Promise.resolve('PONG'));
    const report = await service({ status: 'connecting', ping }).report();
    expect(ping).toHaveBeenCalledTimes(1);
    expect(report.checks.redis.status).toBe('up');
  });

  it('bounds each check by its own timeout and runs them in parallel', async () => {
    const started = Date.now();
    const report = await service({ query: never, ping: never, list: never }).report();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(500);
    expect(report.checks.postgres).toMatchObject({
      status: 'down',
      error: expect.stringMatching(/200 ms/),
    });
    expect(report.checks.redis.status).toBe('down');
    expect(report.checks.workers.status).toBe('down');
  });

  it('lists no worker without failing unless workers are required', async () => {
    const optional = await service({ list: () => Promise.resolve([]) }).report();
    expect(optional.status).toBe('ok');
    expect(optional.checks.workers).toMatchObject({ status: 'down', required: false, count: 0 });

    const required = await service({
      list: () => Promise.resolve([]),
      config: { requireWorker: true },
    }).report();
    expect(required.status).toBe('error');
    expect(required.checks.workers).toMatchObject({ status: 'down', required: true });

    const present = await service({ config: { requireWorker: true } }).report();
    expect(present.status).toBe('ok');
  });
});

describe('overallStatus', () => {
  const up = { status: 'up' as const, latencyMs: 1 };
  const down = { status: 'down' as const, latencyMs: 1 };
  const workers = (status: 'up' | 'down', required: boolean) => ({
    ...(status === 'up' ? up : down),
    required,
    count: 0,
    items: [],
  });

  it.each([
    ['all up, optional workers absent', 'ok', up, up, workers('down', false)],
    ['PostgreSQL down', 'error', down, up, workers('up', false)],
    ['Redis down', 'error', up, down, workers('up', false)],
    ['required workers absent', 'error', up, up, workers('down', true)],
    ['required workers present', 'ok', up, up, workers('up', true)],
  ])('%s → %s', (_label, expected, postgres, redis, workerCheck) => {
    expect(overallStatus({ postgres, redis, workers: workerCheck })).toBe(expected);
  });
});
