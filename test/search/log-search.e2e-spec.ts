import type { CommandLogDto } from '@botdeck/commands';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { insertSearchRows, newBotId } from './support/search-rows';

interface FacetCount {
  value: string;
  count: number;
}
interface SearchPage {
  items: CommandLogDto[];
  nextCursor: string | null;
  facets?: {
    bounded: boolean;
    countedRows: number;
    oldestCounted: string | null;
    moreValues: string[];
    status?: FacetCount[];
    command?: FacetCount[];
    bot?: FacetCount[];
  };
}

describe('GET /api/v1/logs/search', () => {
  let api: TestApi;
  let token: string;
  let db: DataSource;
  // One world for the file: two bots of its own, rows spread over two days.
  const botA = newBotId();
  const botB = newBotId();
  const base = Date.UTC(2024, 5, 1, 12, 0, 0);
  const at = (minutes: number) => new Date(base + minutes * 60_000);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ COMMAND_LOG_FACET_ROW_CAP: '100' });
    token = (await loginAs(api, 'viewer')).accessToken;
    db = api.app.get(DataSource);
    const inserted = await insertSearchRows(db, [
      {
        botId: botA,
        command: 'buy',
        options: { item: 'golden sword', quantity: 2 },
        status: 'error',
        errorCode: 'DISCORD_50013',
        errorMessage: 'Missing permissions to post in the channel',
        userName: 'ada_lovelace',
        durationMs: 900,
        deferred: true,
        createdAt: at(0),
      },
      {
        botId: botA,
        command: 'buy',
        options: { item: 'silver shield' },
        status: 'timed_out',
        errorCode: 'COMMAND_TIMED_OUT',
        errorMessage: 'timeout waiting for the shop',
        durationMs: 60_000,
        createdAt: at(10),
        guildId: '300000000000000002',
      },
      {
        botId: botA,
        command: 'ping',
        status: 'success',
        durationMs: 3,
        createdAt: at(20),
        channelId: '400000000000000002',
        userId: '200000000000000077',
      },
      {
        botId: botB,
        command: 'stock add',
        options: { sku: 'SKU-42' },
        status: 'success',
        durationMs: 40,
        createdAt: at(30),
      },
      {
        botId: botB,
        command: 'buy',
        options: { item: 'golden apple' },
        status: 'started',
        durationMs: null,
        createdAt: at(24 * 60 + 5),
      },
    ]);
    ['buyError', 'buyTimeout', 'ping', 'stock', 'buyOpen'].forEach((name, index) => {
      ids[name] = inserted[index]!;
    });
  });
  afterAll(() => api?.close());

  /** A search over every row, not only this file's two bots. */
  const searchAll = (query: string) =>
    request(api.url).get(`/api/v1/logs/search?${query}`).set(authHeader(token));
  const search = (query: string) => searchAll(`botIds=${botA},${botB}&${query}`);
  const found = async (query: string) =>
    ((await search(query).expect(200)).body as SearchPage).items.map((item) => item.interactionId);
  /** Every id of a search, page by page through its cursors. */
  const walkPages = async (query: string) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await searchAll(
        `${query}${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      const page = res.body as SearchPage;
      seen.push(...page.items.map((item) => item.interactionId));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  it('finds words in the command, option values, error code and message and user name', async () => {
    expect(await found('q=golden')).toEqual([ids.buyOpen, ids.buyError]);
    expect(await found('q=DISCORD_50013')).toEqual([ids.buyError]);
    expect(await found('q=permissions')).toEqual([ids.buyError]);
    expect(await found('q=ada_lovelace')).toEqual([ids.buyError]);
    expect(await found('q=SKU-42')).toEqual([ids.stock]);
    expect(await found('q=2')).toEqual([ids.buyError]);
  });

  it('reads phrases, OR and exclusions', async () => {
    expect(await found(`q=${encodeURIComponent('"golden sword"')}`)).toEqual([ids.buyError]);
    expect(await found(`q=${encodeURIComponent('"sword golden"')}`)).toEqual([]);
    expect(await found(`q=${encodeURIComponent('shield OR apple')}`)).toEqual([
      ids.buyOpen,
      ids.buyTimeout,
    ]);
    expect(await found(`q=${encodeURIComponent('buy -golden')}`)).toEqual([ids.buyTimeout]);
  });

  it('applies each filter', async () => {
    const onlyB = (await searchAll(`botIds=${botB}`).expect(200)).body as SearchPage;
    expect(onlyB.items.map((item) => item.interactionId)).toEqual([ids.buyOpen, ids.stock]);
    expect(await found('guildId=300000000000000002')).toEqual([ids.buyTimeout]);
    expect(await found('channelId=400000000000000002')).toEqual([ids.ping]);
    expect(await found('userId=200000000000000077')).toEqual([ids.ping]);
    expect(await found(`interactionId=${ids.stock}`)).toEqual([ids.stock]);
    expect(await found(`command=${encodeURIComponent('stock add')}`)).toEqual([ids.stock]);
    expect(await found('statuses=error,timed_out')).toEqual([ids.buyTimeout, ids.buyError]);
    expect(await found('statuses=started&statuses=success')).toEqual([
      ids.buyOpen,
      ids.stock,
      ids.ping,
    ]);
    expect(await found('errorCode=COMMAND_TIMED_OUT')).toEqual([ids.buyTimeout]);
    expect(await found('deferred=true')).toEqual([ids.buyError]);
    expect(await found(`from=${at(10).toISOString()}&to=${at(30).toISOString()}`)).toEqual([
      ids.ping,
      ids.buyTimeout,
    ]);
    expect(await found('minDurationMs=40&maxDurationMs=900')).toEqual([ids.stock, ids.buyError]);
    expect(await found('q=buy&statuses=error&deferred=true&minDurationMs=1')).toEqual([
      ids.buyError,
    ]);
  });

  it('sorts newest, oldest and slowest, with a cursor for each that pages without gaps', async () => {
    const all = [ids.buyOpen, ids.stock, ids.ping, ids.buyTimeout, ids.buyError];
    const walk = (sort: string) => walkPages(`botIds=${botA},${botB}&sort=${sort}&limit=2`);
    expect(await walk('newest')).toEqual(all);
    expect(await walk('oldest')).toEqual([...all].reverse());
    // A text search pages the same way (read through the GIN index first).
    expect(await walk('slowest&q=buy')).toEqual([ids.buyTimeout, ids.buyError, ids.buyOpen]);
    expect(await walk('oldest&q=buy')).toEqual([ids.buyError, ids.buyTimeout, ids.buyOpen]);
    // Still-open interactions (no duration) come last.
    expect(await walk('slowest')).toEqual([
      ids.buyTimeout,
      ids.buyError,
      ids.stock,
      ids.ping,
      ids.buyOpen,
    ]);
  });

  it('pages a text search across months in both orders, however the matches are spread', async () => {
    // A word of its own, found now and then over more than a year (one row a little ahead of
    // this clock, two at one instant), read without a filter of an ordered index.
    const word = `phoenix${Date.now().toString(36)}`;
    const now = Date.now();
    const hours = [0.5, -2, -26, -49, -49, -6 * 24, -20 * 24, -45 * 24, -400 * 24];
    const bot = newBotId();
    const rows = hours.map((h) => ({
      botId: bot,
      command: 'buy',
      options: { item: word },
      status: 'success' as const,
      createdAt: new Date(now + h * 3_600_000),
    }));
    const inserted = await insertSearchRows(db, rows);
    const order = inserted
      .map((id, index) => ({ id, at: rows[index].createdAt.getTime() }))
      .sort((a, b) => b.at - a.at || (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .map((row) => row.id);
    const walk = (query: string) => walkPages(`q=${word}&limit=2&${query}`);
    expect(await walk('sort=newest')).toEqual(order);
    expect(await walk('sort=oldest')).toEqual([...order].reverse());
    const from = new Date(now - 30 * 24 * 3_600_000).toISOString();
    const to = new Date(now - 24 * 3_600_000).toISOString();
    const within = order.slice(2, 7); // from -26 h to -20 days
    expect(await walk(`sort=newest&from=${from}&to=${to}`)).toEqual(within);
    expect(await walk(`sort=oldest&from=${from}&to=${to}`)).toEqual([...within].reverse());
    expect(await walk(`sort=oldest&from=${from}`)).toEqual(order.slice(0, 7).reverse());
  });

  it('never skips or repeats a row while rows are being inserted between pages', async () => {
    const bot = newBotId();
    const start = Date.UTC(2024, 6, 1);
    const initial = await insertSearchRows(
      db,
      Array.from({ length: 30 }, (_, i) => ({
        botId: bot,
        command: 'ping',
        status: 'success' as const,
        durationMs: i % 7,
        // Pairs share a start time, so the id breaks the tie.
        createdAt: new Date(start + Math.floor(i / 2) * 1000),
      })),
    );
    for (const sort of ['newest', 'oldest', 'slowest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let round = 0;
      do {
        const res: request.Response = await searchAll(
          `botIds=${bot}&sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        ).expect(200);
        const page = res.body as SearchPage;
        seen.push(...page.items.map((item) => item.interactionId));
        cursor = page.nextCursor;
        round += 1;
        // Newer, older and same-time rows arrive while the client pages.
        await insertSearchRows(db, [
          {
            botId: bot,
            command: 'ping',
            status: 'success',
            durationMs: 3,
            createdAt: new Date(start + round * 500),
          },
          {
            botId: bot,
            command: 'ping',
            status: 'success',
            durationMs: 100,
            createdAt: new Date(start + 60_000 + round),
          },
        ]);
      } while (cursor);
      const original = seen.filter((id) => initial.includes(id));
      expect(new Set(seen).size).toBe(seen.length);
      expect(new Set(original)).toEqual(new Set(initial));
    }
  });

  it('counts facets over the filtered set, and says when the count is bounded', async () => {
    const page = (await search('facets=status,command,bot&q=buy').expect(200)).body as SearchPage;
    expect(page.facets).toEqual({
      bounded: false,
      countedRows: 3,
      oldestCounted: null,
      moreValues: [],
      status: [
        { value: 'error', count: 1 },
        { value: 'started', count: 1 },
        { value: 'timed_out', count: 1 },
      ],
      command: [{ value: 'buy', count: 3 }],
      bot: [
        { value: botA, count: 2 },
        { value: botB, count: 1 },
      ].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    });

    const bot = newBotId();
    await insertSearchRows(
      db,
      Array.from({ length: 150 }, (_, i) => ({
        botId: bot,
        command: i < 100 ? 'new' : 'old',
        status: 'success' as const,
        createdAt: new Date(Date.UTC(2024, 7, 1) + (150 - i) * 1000),
      })),
    );
    const bounded = (await searchAll(`botIds=${bot}&facets=command&limit=1`).expect(200))
      .body as SearchPage;
    // The cap is 100 in this file: only the newest 100 (all `new`) are counted.
    expect(bounded.facets).toMatchObject({
      bounded: true,
      countedRows: 100,
      oldestCounted: new Date(Date.UTC(2024, 7, 1) + 51 * 1000).toISOString(),
      command: [{ value: 'new', count: 100 }],
    });
  });

  it('lists the 50 largest values of a facet, and says which facets have more', async () => {
    // 60 bots answering one command, the first of them three times.
    const bots = Array.from({ length: 60 }, () => newBotId());
    await insertSearchRows(
      db,
      [bots[0], bots[0], ...bots].map((botId, i) => ({
        botId,
        command: 'fleet wide',
        status: 'success' as const,
        createdAt: new Date(Date.UTC(2024, 8, 1) + i * 1000),
      })),
    );
    const page = (await searchAll('command=fleet%20wide&facets=bot,command&limit=1').expect(200))
      .body as SearchPage;
    expect(page.facets).toMatchObject({
      bounded: false,
      countedRows: 62,
      moreValues: ['bot'],
      command: [{ value: 'fleet wide', count: 62 }],
    });
    expect(page.facets?.bot).toHaveLength(50);
    expect(page.facets?.bot?.[0]).toEqual({ value: bots[0], count: 3 });
    expect(new Set(page.facets?.bot?.map((entry) => entry.value)).size).toBe(50);
  });

  it.each([
    ['q=%22unclosed', 'q', 'INVALID_SEARCH_QUERY'],
    ['q=a%20OR', 'q', 'INVALID_SEARCH_QUERY'],
    ['q=-alone', 'q', 'INVALID_SEARCH_QUERY'],
    ['q=%21%21%21', 'q', 'INVALID_SEARCH_QUERY'],
    ['q=', 'q', 'INVALID_SEARCH_QUERY'],
    [`q=${'a'.repeat(201)}`, 'q', 'INVALID_SEARCH_QUERY'],
    ['q=a%00b', 'q', 'VALIDATION_FAILED'],
    ['botIds=not-a-uuid', 'botIds', 'VALIDATION_FAILED'],
    ['guildId=12', 'guildId', 'VALIDATION_FAILED'],
    ['statuses=error,lost', 'statuses', 'VALIDATION_FAILED'],
    ['deferred=maybe', 'deferred', 'VALIDATION_FAILED'],
    ['from=yesterday', 'from', 'VALIDATION_FAILED'],
    ['from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z', 'to', 'VALIDATION_FAILED'],
    ['minDurationMs=-1', 'minDurationMs', 'VALIDATION_FAILED'],
    ['minDurationMs=10&maxDurationMs=5', 'maxDurationMs', 'VALIDATION_FAILED'],
    ['sort=fastest', 'sort', 'VALIDATION_FAILED'],
    ['facets=status,colour', 'facets', 'VALIDATION_FAILED'],
    ['errorCode=has%20space', 'errorCode', 'VALIDATION_FAILED'],
    ['cursor=garbage', 'cursor', 'INVALID_CURSOR'],
  ])('refuses %s with a 400 naming %s', async (query, field, code) => {
    const res = await searchAll(query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code });
    expect((res.body as { details: { field: string }[] }).details.map((d) => d.field)).toContain(
      field,
    );
  });

  it('refuses a forged cursor and one from another sort', async () => {
    const page = (await search('sort=newest&limit=1').expect(200)).body as SearchPage;
    await search(`sort=oldest&limit=1&cursor=${page.nextCursor}`).expect(400);
    const forged = Buffer.from(
      JSON.stringify(['s', 'x', '2024-01-01T00:00:00.000Z', '1']),
    ).toString('base64url');
    const res = await search(`sort=slowest&cursor=${forged}`).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_CURSOR' });
    const badTime = Buffer.from(JSON.stringify(['n', '99999-01-01T00:00:00.000Z', '1'])).toString(
      'base64url',
    );
    await search(`cursor=${badTime}`).expect(400);
  });

  it('is for signed-in users only', async () => {
    await request(api.url).get('/api/v1/logs/search?q=buy').expect(401);
  });
});
