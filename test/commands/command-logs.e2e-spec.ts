import type { CommandLogDto, CommandStatsDto } from '@botdeck/commands';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { insertLogs, newBotId, snowflake } from './support/log-rows';

jest.setTimeout(30_000);

interface Page {
  items: CommandLogDto[];
  nextCursor: string | null;
}

describe('command log and stats endpoints', () => {
  let api: TestApi;
  let token: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    token = (await loginAs(api, 'viewer')).accessToken;
    db = api.app.get(DataSource);
  });
  afterAll(() => api?.close());

  const get = (path: string) => request(api.url).get(path).set(authHeader(token));

  async function pages(path: string, limit: number, wanted: number): Promise<Page[]> {
    const result: Page[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const query: string = `${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await get(`${path}${query}`).expect(200);
      const page = res.body as Page;
      result.push(page);
      cursor = page.nextCursor;
    } while (cursor && result.flatMap((p) => p.items).length < wanted);
    return result;
  }

  it('computes per-command counts, success rates and percentiles in SQL, plus totals', async () => {
    const botId = newBotId();
    const at = (minute: number) => new Date(Date.UTC(2021, 2, 1, 12, minute));
    await insertLogs(db, [
      ...[10, 20, 30, 40, 50].map((durationMs, i) => ({
        botId,
        command: 'ping',
        status: 'success' as const,
        durationMs,
        createdAt: at(i),
      })),
      { botId, command: 'ping', status: 'error', durationMs: 100, createdAt: at(6) },
      { botId, command: 'help', status: 'success', durationMs: 5, createdAt: at(7) },
      { botId, command: 'help', status: 'success', durationMs: 15, createdAt: at(8) },
      // Rate-limited interactions count, but never ran: no duration in the percentiles.
      { botId, command: 'help', status: 'rate_limited', durationMs: 1, createdAt: at(9) },
      // Still open: not counted at all.
      { botId, command: 'help', status: 'started', createdAt: at(10) },
      // Outside the range, and another bot: both left out.
      { botId, command: 'ping', status: 'error', durationMs: 9, createdAt: at(59) },
      { botId: newBotId(), command: 'ping', status: 'error', durationMs: 9, createdAt: at(5) },
    ]);

    const res = await get(
      `/api/v1/commands/stats?from=2021-03-01T12:00:00Z&to=2021-03-01T12:30:00Z&botId=${botId}`,
    ).expect(200);
    const stats = res.body as CommandStatsDto;
    expect(stats).toMatchObject({
      from: '2021-03-01T12:00:00.000Z',
      to: '2021-03-01T12:30:00.000Z',
      botId,
    });
    expect(stats.commands).toEqual([
      {
        command: 'ping',
        count: 6,
        successCount: 5,
        successRate: 0.8333,
        p50Ms: 35,
        p95Ms: 87.5,
        p99Ms: 97.5,
      },
      {
        command: 'help',
        count: 3,
        successCount: 2,
        successRate: 0.6667,
        p50Ms: 10,
        p95Ms: 14.5,
        p99Ms: 14.9,
      },
    ]);
    expect(stats.totals).toEqual({
      count: 9,
      successCount: 7,
      successRate: 0.7778,
      p50Ms: 25,
      p95Ms: 82.5,
      p99Ms: 96.5,
    });
  });

  it('answers an empty range with zero totals', async () => {
    const res = await get(`/api/v1/commands/stats?botId=${newBotId()}`).expect(200);
    expect((res.body as CommandStatsDto).commands).toEqual([]);
    expect((res.body as CommandStatsDto).totals).toMatchObject({ count: 0, p50Ms: null });
  });

  it('pages one user’s logs newest first with a cursor', async () => {
    const userId = snowflake();
    const botId = newBotId();
    const ids = await insertLogs(
      db,
      [0, 1, 2, 3, 4].map((i) => ({
        botId,
        userId,
        command: 'ping',
        status: 'success' as const,
        durationMs: i,
        createdAt: new Date(Date.UTC(2022, 0, 1, 0, 0, i)),
      })),
    );
    const result = await pages(`/api/v1/logs/user/${userId}`, 2, 5);
    expect(result.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(result.at(-1)!.nextCursor).toBeNull();
    expect(result.flatMap((page) => page.items.map((log) => log.interactionId))).toEqual(
      [...ids].reverse(),
    );
  });

  it('pages failed logs (error, timed_out, rate_limited) and filters by outcome', async () => {
    const botId = newBotId();
    const at = (second: number) => new Date(Date.UTC(2099, 0, 1, 0, 0, second));
    const statuses = [
      'error',
      'timed_out',
      'success',
      'rate_limited',
      'error',
      'timed_out',
    ] as const;
    const ids = await insertLogs(
      db,
      statuses.map((status, i) => ({ botId, command: 'boom', status, createdAt: at(i) })),
    );
    const failedIds = ids.filter((_, i) => statuses[i] !== 'success').reverse();
    // Dated 2099, these are the newest failures in the table: the first pages hold them.
    const result = await pages('/api/v1/logs/failed', 2, 5);
    const seen = result.flatMap((page) => page.items.map((log) => log.interactionId)).slice(0, 5);
    expect(seen).toEqual(failedIds);
    expect(result[0].nextCursor).toEqual(expect.any(String));

    const timedOut = await get('/api/v1/logs/failed?status=timed_out&limit=2').expect(200);
    expect((timedOut.body as Page).items.map((log) => log.status)).toEqual([
      'timed_out',
      'timed_out',
    ]);
    expect((timedOut.body as Page).items.map((log) => log.interactionId)).toEqual([ids[5], ids[1]]);
  });

  it('lists recent logs newest first within a bounded limit', async () => {
    const res = await get('/api/v1/logs/recent?limit=3').expect(200);
    const logs = res.body as CommandLogDto[];
    expect(logs).toHaveLength(3);
    const times = logs.map((log) => Date.parse(log.startedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await get('/api/v1/logs/recent?limit=1000').expect(400);
  });

  it.each([
    ['/api/v1/commands/stats?from=yesterday', 'from'],
    ['/api/v1/commands/stats?from=2021-03-02T00:00:00Z&to=2021-03-01T00:00:00Z', 'to'],
    ['/api/v1/commands/stats?botId=42', 'botId'],
    ['/api/v1/logs/user/not-a-snowflake', 'userId'],
    ['/api/v1/logs/recent?limit=0', 'limit'],
    ['/api/v1/logs/failed?status=success', 'status'],
    ['/api/v1/logs/failed?cursor=garbage', 'cursor', 'INVALID_CURSOR'],
  ])(
    'refuses %s with a field-level error on %s',
    async (path, field, code = 'VALIDATION_FAILED') => {
      const res = await get(path).expect(400);
      expect(res.body).toMatchObject({ code });
      expect((res.body as { details: { field: string }[] }).details.map((d) => d.field)).toContain(
        field,
      );
    },
  );

  it('refuses anonymous callers', async () => {
    await request(api.url).get('/api/v1/logs/recent').expect(401);
    await request(api.url).get('/api/v1/commands/stats').expect(401);
  });

  it('documents every log route with its 200 and the error envelope', async () => {
    const res = await request(api.url).get('/docs-json').expect(200);
    type Responses = Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
    const paths = (res.body as { paths: Record<string, { get: { responses: Responses } }> }).paths;
    for (const path of [
      '/api/v1/logs/recent',
      '/api/v1/logs/user/{userId}',
      '/api/v1/logs/failed',
      '/api/v1/commands/stats',
    ]) {
      expect(Object.keys(paths[path].get.responses)).toEqual(
        expect.arrayContaining(['200', '400', '401', '403', '500']),
      );
      expect(paths[path].get.responses['500'].content?.['application/json']?.schema?.$ref).toBe(
        '#/components/schemas/ErrorEnvelope',
      );
    }
  });
});
