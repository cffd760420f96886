import type { CommandStatus } from '../command-log.entity';
import type { LogFacet, LogSort } from '../dto/log-search.dto';
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

/** One page: filters, the keyset condition after `after`, the sort, `limit` + 1 rows. */
export function pageQuery(
  criteria: LogSearchCriteria,
  sort: LogSort,
  limit: number,
  after?: LogSearchPosition,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses = whereClause(criteria, params);
  if (after) {
    const at = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (sort === 'slowest') {
      clauses.push(
        `(coalesce(duration_ms, -1), created_at, interaction_id) < (${at(after.duration ?? -1)}, ${at(after.createdAt)}, ${at(after.id)})`,
      );
    } else {
      const op = sort === 'newest' ? '<' : '>';
      clauses.push(`(created_at, interaction_id) ${op} (${at(after.createdAt)}, ${at(after.id)})`);
    }
  }
  params.push(limit + 1);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  return {
    sql: `SELECT ${LOG_COLUMNS} FROM command_logs ${where} ORDER BY ${ORDER[sort]} LIMIT $${params.length}`,
    params,
  };
}

const FACET_COLUMN: Record<LogFacet, string> = {
  status: 'status',
  command: 'command',
  bot: 'bot_id::text',
};

/**
 * Facet counts over at most `cap` of the newest matches: the inner LIMIT bounds the work
 * whatever the filters match (a word in every row, no filter at all). One more row than the
 * cap is read to know whether the counts are whole.
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
      `SELECT '${facet}' AS facet, ${FACET_COLUMN[facet]} AS value, count(*)::bigint AS count
         FROM counted GROUP BY 2`,
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
