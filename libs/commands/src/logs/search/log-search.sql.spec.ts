import { searchPage, TEXT_FIRST_CAP, textWindows } from './log-search.sql';

describe('searchPage', () => {
  it('answers a text search from the GIN-first statement, window by window, until the page is full', async () => {
    const calls: Array<{ sql: string; params: unknown[] }> = [];
    const rows = await searchPage(
      <T>(sql: string, params: unknown[]) => {
        calls.push({ sql, params });
        // Two matches in the newest day, none in the next two days, then plenty.
        const found = [[1, 2], [], Array.from({ length: 30 }, (_, i) => 3 + i)][calls.length - 1];
        return Promise.resolve(
          (found ?? []).map((id) => ({ interaction_id: String(id), hit_count: 99 })) as T[],
        );
      },
      { text: 'phoenix' },
      'newest',
      4,
    );
    expect(rows.map((row) => (row as { interaction_id: string }).interaction_id)).toEqual(
      Array.from({ length: 32 }, (_, i) => String(1 + i)),
    );
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.sql.includes('WITH hits AS MATERIALIZED'))).toBe(true);
    // Each window asks only for what the page still lacks (plus the one that says "more").
    expect(calls.map((call) => call.params[call.params.length - 1])).toEqual([5, 3, 3]);
  });

  it('falls back to walking the sort order when more match than the cap', async () => {
    const statements: string[] = [];
    const rows = await searchPage(
      <T>(sql: string) => {
        statements.push(sql);
        return Promise.resolve(
          (statements.length === 1
            ? [{ interaction_id: '1', hit_count: TEXT_FIRST_CAP + 1 }]
            : [{ interaction_id: '2' }]) as T[],
        );
      },
      { text: 'buy', deferred: true },
      'slowest',
      20,
    );
    expect(rows).toEqual([{ interaction_id: '2' }]);
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/ORDER BY coalesce\(duration_ms, -1\) DESC/);
    expect(statements[1]).not.toContain('hits');
  });

  it('walks a filter’s own ordered index instead when there is one', async () => {
    const statements: string[] = [];
    await searchPage(
      <T>(sql: string) => {
        statements.push(sql);
        return Promise.resolve([] as T[]);
      },
      { text: 'timeout', statuses: ['error', 'timed_out'] },
      'newest',
      20,
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toContain('hits');
  });

  it('never takes the GIN-first way without a text search', async () => {
    const statements: string[] = [];
    await searchPage(
      <T>(sql: string) => {
        statements.push(sql);
        return Promise.resolve([] as T[]);
      },
      { guildId: '300000000000000001' },
      'oldest',
      20,
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('ORDER BY created_at ASC, interaction_id ASC');
  });
});

describe('textWindows', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2026, 10, 30, 12);
  const span = (windows: Array<{ from?: Date; to?: Date }>) =>
    windows.map(({ from, to }) => [
      from ? (from.getTime() - now) / DAY : null,
      to ? (to.getTime() - now) / DAY : null,
    ]);

  it('walks back from now in windows of 1, 2, 4, 8 and 16 days, then the rest, the newest open above', () => {
    expect(span(textWindows({ text: 'x' }, 'newest', undefined, now))).toEqual([
      [-1, null],
      [-3, -1],
      [-7, -3],
      [-15, -7],
      [-31, -15],
      [null, -31],
    ]);
  });

  it('starts at the cursor or at `to`, whichever is earlier, and stops at `from`', () => {
    const criteria = { text: 'x', from: new Date(now - 5 * DAY), to: new Date(now - DAY) };
    expect(span(textWindows(criteria, 'newest', undefined, now))).toEqual([
      [-2, -1],
      [-4, -2],
      [-5, -4],
    ]);
    const after = { createdAt: new Date(now - 2 * DAY), id: '1', duration: -1 };
    expect(span(textWindows(criteria, 'newest', after, now))[0]).toEqual([-3, -1]);
  });

  it('walks forward from `from` or the cursor when oldest first, up to `to`', () => {
    const criteria = { text: 'x', from: new Date(now - 10 * DAY), to: new Date(now) };
    expect(span(textWindows(criteria, 'oldest', undefined, now))).toEqual([
      [-10, -9],
      [-9, -7],
      [-7, -3],
      [-3, 0],
    ]);
  });

  it('reads the whole range at once where there is no start to walk from', () => {
    expect(span(textWindows({ text: 'x' }, 'oldest', undefined, now))).toEqual([[null, null]]);
    expect(span(textWindows({ text: 'x' }, 'slowest', undefined, now))).toEqual([[null, null]]);
  });
});
