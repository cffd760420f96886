import type { CommandStatus } from '../command-log.entity';
import { FACET_VALUE_LIMIT, type LogFacet, type LogSort } from '../dto/log-search.dto';
import type { LogSearchPosition } from './log-search.cursor';

/** A log search once validated: the text already checked by `parseWebSearch`. */
export interface LogSearchCriteria {
  text?: string;
  botIds?: string[];
  guildId?: string;
  channelId?: string;
  userId?: string;
  interactionId?: string;
  command?: string;
  statuses?: CommandStatus[];
  errorCode?: string;
  deferred?: boolean;
  from?: Date;
  to?: Date;
  minDurationMs?: number;
  maxDurationMs?: number;
}

/** Every column but the search document, in the entity's names' order. */
export const LOG_COLUMNS = `interaction_id, bot_id, guild_id, channel_id, user_id, user_name,
  command, options, status, error_code, error_message, duration_ms, deferred, created_at,
  finished_at`;

/** The full-text config: identifiers and codes, not prose (see the migration). */
const TSQUERY = `websearch_to_tsquery('simple', $1)`;

/** Parameterised WHERE clauses; `params` grows as filters are added. */
export function whereClause(criteria: LogSearchCriteria, params: unknown[]): string[] {
  const clauses: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (criteria.text !== undefined) {
    // $1 by convention, so the text search reads the same in every shape.
    if (params.length !== 0) throw new Error('the search text must be the first parameter');
    params.push(criteria.text);
    clauses.push(`search @@ ${TSQUERY}`);
  }
  if (criteria.botIds?.length) clauses.push(`bot_id = ANY(${param(criteria.botIds)}::uuid[])`);
  if (criteria.guildId) clauses.push(`guild_id = ${param(criteria.guildId)}`);
  if (criteria.channelId) clauses.push(`channel_id = ${param(criteria.channelId)}`);
  if (criteria.userId) clauses.push(`user_id = ${param(criteria.userId)}`);
  if (criteria.interactionId) clauses.push(`interaction_id = ${param(criteria.interactionId)}`);
  if (criteria.command) clauses.push(`command = ${param(criteria.command)}`);
  if (criteria.statuses?.length) {
    // Spelled as a literal list so that the failed-only partial index can match it.
    const list = [...new Set(criteria.statuses)].map((status) => param(status)).join(', ');
    clauses.push(`status IN (${list})`);
  }
  if (criteria.errorCode) clauses.push(`error_code = ${param(criteria.errorCode)}`);
  if (criteria.deferred !== undefined) clauses.push(`deferred = ${param(criteria.deferred)}`);
  if (criteria.from) clauses.push(`created_at >= ${param(criteria.from)}`);
  if (criteria.to) clauses.push(`created_at < ${param(criteria.to)}`);
  if (criteria.minDurationMs !== undefined) {
    clauses.push(`duration_ms >= ${param(criteria.minDurationMs)}`);
  }
  if (criteria.maxDurationMs !== undefined) {
    clauses.push(`duration_ms <= ${param(criteria.maxDurationMs)}`);
  }
  return clauses;
}

const ORDER: Record<LogSort, string> = {
  newest: 'created_at DESC, interaction_id DESC',
  oldest: 'created_at ASC, interaction_id ASC',
  slowest: 'coalesce(duration_ms, -1) DESC, created_at DESC, interaction_id DESC',
};

/** The keyset condition after `after`, in the order of `sort`. */
function afterClause(sort: LogSort, after: LogSearchPosition, params: unknown[]): string {
  const at = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (sort === 'slowest') {
    return `(coalesce(duration_ms, -1), created_at, interaction_id) < (${at(after.duration ?? -1)}, ${at(after.createdAt)}, ${at(after.id)})`;
  }
  const op = sort === 'newest' ? '<' : '>';
  return `(created_at, interaction_id) ${op} (${at(after.createdAt)}, ${at(after.id)})`;
}

/** One page: filters, the keyset condition after `after`, the sort, `limit` + 1 rows. */
export function pageQuery(
  criteria: LogSearchCriteria,
  sort: LogSort,
  limit: number,
  after?: LogSearchPosition,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses = whereClause(criteria, params);
  if (after) clauses.push(afterClause(sort, after, params));
  params.push(limit + 1);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  return {
    sql: `SELECT ${LOG_COLUMNS} FROM command_logs ${where} ORDER BY ${ORDER[sort]} LIMIT $${params.length}`,
    params,
  };
}

/**
 * Matches of a text search read through the GIN index first, at most this many, and sorted
 * in memory. Past it, walking the sort's own index and testing each row is cheaper.
 */
export const TEXT_FIRST_CAP = 5_000;

/**
 * The same page, for a text search, read the other way round: every match (up to
 * TEXT_FIRST_CAP + 1) from the GIN index, then sorted. The planner, left alone, walks
 * `created_at` and tests each row even for a rare word, because it costs that test as nearly
 * free: for a word in 0.3 % of a million rows that read 33 000 buffers against 3 000 this way
 * (libs/search/README.md). `hit_count` says whether the cap was reached (then the page is
 * incomplete and `pageQuery` must answer instead).
 */
export function textFirstQuery(
  criteria: LogSearchCriteria,
  sort: LogSort,
  limit: number,
  after?: LogSearchPosition,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses = whereClause(criteria, params);
  if (after) clauses.push(afterClause(sort, after, params));
  params.push(TEXT_FIRST_CAP + 1);
  const capParam = `$${params.length}`;
  params.push(limit + 1);
  return {
    sql: `WITH hits AS MATERIALIZED (
            SELECT ${LOG_COLUMNS} FROM command_logs WHERE ${clauses.join(' AND ')} LIMIT ${capParam}
          )
          SELECT *, (SELECT count(*) FROM hits)::int AS hit_count FROM hits
           ORDER BY ${ORDER[sort]} LIMIT $${params.length}`,
    params,
  };
}

type Run = <T>(sql: string, params: unknown[]) => Promise<T[]>;

const FAILED: readonly string[] = ['error', 'timed_out', 'rate_limited'];

/**
 * Whether a filter has an index in the sort's order of its own (bot, guild, user, command,
 * interaction, failed statuses): then walking it meets matches of the text densely, and the
 * GIN-first read would only add work (measured: 54 ms wasted before a 0.7 ms walk for
 * `timeout OR permissions` among errors).
 */
function hasOrderedFilter(criteria: LogSearchCriteria): boolean {
  return Boolean(
    criteria.botIds?.length ||
    criteria.guildId ||
    criteria.userId ||
    criteria.interactionId ||
    criteria.command ||
    (criteria.statuses?.length && criteria.statuses.every((s) => FAILED.includes(s))),
  );
}

/** A page of rows, by the cheapest way for this search (see `textFirstQuery`, `textWindows`). */
export async function searchPage<T>(
  run: Run,
  criteria: LogSearchCriteria,
  sort: LogSort,
  limit: number,
  after?: LogSearchPosition,
): Promise<T[]> {
  if (criteria.text !== undefined && !hasOrderedFilter(criteria)) {
    const rows: T[] = [];
    let complete = true;
    for (const window of textWindows(criteria, sort, after)) {
      const first = textFirstQuery({ ...criteria, ...window }, sort, limit - rows.length, after);
      const found = await run<T & { hit_count: number }>(first.sql, first.params);
      if ((found[0]?.hit_count ?? 0) > TEXT_FIRST_CAP) {
        complete = false;
        break;
      }
      rows.push(...found.map(({ hit_count: _, ...row }) => row as T));
      if (rows.length > limit) break;
    }
    if (complete) return rows;
  }
  const page = pageQuery(criteria, sort, limit, after);
  return run<T>(page.sql, page.params);
}

const DAY_MS = 86_400_000;
/** How far from where a page starts each window of a text search ends, in days. */
const WINDOW_EDGES_DAYS = [1, 3, 7, 15, 31];

/**
 * The time windows a text search reads in turn, each next to the one before in the sort order:
 * 1, 2, 4, 8 and 16 days from where the page starts (the cursor, `to` or now when newest
 * first; the cursor or `from` when oldest first), then the rest. A page is whole once the
 * windows read so far hold enough matches, so a word found daily costs a day's matches to read
 * and sort, not a month's (measured in libs/search/README.md). One window, the whole range,
 * where there is no start to walk from (slowest first, or oldest first from the beginning).
 */
export function textWindows(
  criteria: LogSearchCriteria,
  sort: LogSort,
  after?: LogSearchPosition,
  now: number = Date.now(),
): Array<{ from?: Date; to?: Date }> {
  const whole = [{ from: criteria.from, to: criteria.to }];
  if (sort === 'slowest') return whole;
  const bound = (date?: Date) => date?.getTime();
  if (sort === 'oldest') {
    const start = Math.max(bound(after?.createdAt) ?? -Infinity, bound(criteria.from) ?? -Infinity);
    if (start === -Infinity) return whole;
    return windowsFrom(start, +1, bound(criteria.to));
  }
  const start = Math.min(bound(after?.createdAt) ?? now, bound(criteria.to) ?? Infinity);
  return windowsFrom(start, -1, bound(criteria.from)).map(({ from, to }, index) =>
    // The newest window stays open above: a worker's clock may run ahead of this one's.
    index === 0 ? { from, to: criteria.to } : { from, to },
  );
}

/** Windows from `start` in `direction` (-1 back in time, +1 forward), stopping at `limit`. */
function windowsFrom(
  start: number,
  direction: -1 | 1,
  limit: number | undefined,
): Array<{ from?: Date; to?: Date }> {
  const windows: Array<{ from?: Date; to?: Date }> = [];
  let near = start;
  for (const days of [...WINDOW_EDGES_DAYS, Infinity]) {
    const edge = start + direction * days * DAY_MS;
    const far =
      limit === undefined ? edge : direction < 0 ? Math.max(edge, limit) : Math.min(edge, limit);
    const open = !Number.isFinite(far);
    const [low, high] = direction < 0 ? [far, near] : [near, far];
    windows.push({
      from: Number.isFinite(low) ? new Date(low) : undefined,
      to: Number.isFinite(high) ? new Date(high) : undefined,
    });
    if (open || far === limit) break;
    near = far;
  }
  return windows;
}

const FACET_COLUMN: Record<LogFacet, string> = {
  status: 'status',
  command: 'command',
  bot: 'bot_id::text',
};

/**
 * Facet counts over at most `cap` of the newest matches: the inner LIMIT bounds the work
 * whatever the filters match (a word in every row, no filter at all). One more row than the
 * cap is read to know whether the counts are whole, and one more value than
 * FACET_VALUE_LIMIT per facet to know whether its list is.
 */
export function facetQuery(
  criteria: LogSearchCriteria,
  facets: readonly LogFacet[],
  cap: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses = whereClause(criteria, params);
  params.push(cap + 1);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const counts = facets.map(
    (facet) =>
      `SELECT '${facet}' AS facet, value, count FROM (
         SELECT ${FACET_COLUMN[facet]} AS value, count(*)::bigint AS count FROM counted
          GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_VALUE_LIMIT + 1}
       ) AS ${facet}_values`,
  );
  return {
    sql: `WITH hits AS MATERIALIZED (
            SELECT status, command, bot_id, created_at FROM command_logs ${where}
             ORDER BY created_at DESC, interaction_id DESC LIMIT $${params.length}
          ),
          counted AS MATERIALIZED (SELECT * FROM hits ORDER BY created_at DESC LIMIT ${cap})
          ${counts.map((count) => `${count}\n UNION ALL\n`).join('')}
          SELECT '_matched', NULL, (SELECT count(*) FROM hits)
          UNION ALL
          SELECT '_oldest', NULL,
                 (SELECT (extract(epoch FROM min(created_at)) * 1000)::bigint FROM counted)`,
    params,
  };
}
