import { searchPage, TEXT_FIRST_CAP } from './log-search.sql';

describe('searchPage', () => {
  it('answers a text search from the GIN-first statement while the matches fit under the cap', async () => {
    const statements: string[] = [];
    const rows = await searchPage(
      <T>(sql: string) => {
        statements.push(sql);
        return Promise.resolve([{ interaction_id: '1', hit_count: 3 }] as T[]);
      },
      { text: 'phoenix' },
      'newest',
      20,
    );
    expect(rows).toEqual([{ interaction_id: '1' }]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('WITH hits AS MATERIALIZED');
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
