import { parseWebSearch, ValidationFailedError } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { commandLogsConfig, type CommandLogsConfig } from '../command-logs.config';
import type { CommandLogEntity } from '../command-log.entity';
import { CommandLogDto } from '../dto/command-log.dto';
import {
  FACET_VALUE_LIMIT,
  type FacetCountDto,
  type LogFacet,
  type LogFacetsDto,
  type LogSearchPageDto,
  type LogSearchQuery,
} from '../dto/log-search.dto';
import { decodeLogCursor, encodeLogCursor } from './log-search.cursor';
import { facetQuery, searchPage, type LogSearchCriteria } from './log-search.sql';

export interface LogRow {
  interaction_id: string;
  bot_id: string;
  guild_id: string | null;
  channel_id: string | null;
  user_id: string;
  user_name: string | null;
  command: string;
  options: Record<string, unknown>;
  status: CommandLogEntity['status'];
  error_code: string | null;
  error_message: string | null;
  duration_ms: number | null;
  deferred: boolean;
  created_at: Date;
  finished_at: Date | null;
}

export function logDtoOf(row: LogRow): CommandLogDto {
  return CommandLogDto.from({
    id: row.interaction_id,
    botId: row.bot_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    userId: row.user_id,
    userName: row.user_name,
    command: row.command,
    options: row.options,
    status: row.status,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    durationMs: row.duration_ms,
    deferred: row.deferred,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  });
}

/** One match of the search box: enough to show it and to link to it. */
export interface CommandLogHit {
  interactionId: string;
  botId: string;
  command: string;
  status: string;
  errorCode: string | null;
  startedAt: string;
}

/**
 * `GET /logs/search`: full text and filters over the partitioned command logs, keyset pages in
 * three orders, bounded facets. Plain SQL, so every shape is the one measured in the README.
 */
@Injectable()
export class CommandLogSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(commandLogsConfig.KEY) private readonly config: CommandLogsConfig,
  ) {}

  async search(query: LogSearchQuery): Promise<LogSearchPageDto> {
    const criteria = criteriaOf(query);
    const sort = query.sort ?? 'newest';
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeLogCursor(query.cursor, sort) : undefined;
    const run = <T>(sql: string, params: unknown[]) => this.dataSource.query<T[]>(sql, params);
    const [rows, facets] = await Promise.all([
      searchPage<LogRow>(run, criteria, sort, limit, after),
      query.facets?.length ? this.facets(criteria, query.facets) : undefined,
    ]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeLogCursor(sort, {
            duration: last.duration_ms ?? -1,
            createdAt: last.created_at,
            id: last.interaction_id,
          })
        : null;
    return { items: items.map(logDtoOf), nextCursor, ...(facets ? { facets } : {}) };
  }

  /** The newest matches of `text` and a capped count of them, for the search box. */
  async hits(
    text: string,
    limit: number,
    countCap: number,
  ): Promise<{ count: number; capped: boolean; items: CommandLogHit[] }> {
    const run = <T>(sql: string, params: unknown[]) => this.dataSource.query<T[]>(sql, params);
    const [rows, [counted]] = await Promise.all([
      searchPage<LogRow>(run, { text }, 'newest', limit).then((page) => page.slice(0, limit)),
      this.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM (SELECT 1 FROM command_logs
          WHERE search @@ websearch_to_tsquery('simple', $1) LIMIT $2) AS capped`,
        [text, countCap + 1],
      ),
    ]);
    const count = counted?.count ?? 0;
    return {
      count: Math.min(count, countCap),
      capped: count > countCap,
      items: rows.map((row) => ({
        interactionId: row.interaction_id,
        botId: row.bot_id,
        command: row.command,
        status: row.status,
        errorCode: row.error_code,
        startedAt: row.created_at.toISOString(),
      })),
    };
  }

  private async facets(criteria: LogSearchCriteria, wanted: LogFacet[]): Promise<LogFacetsDto> {
    const cap = this.config.facetRowCap;
    const facets = [...new Set(wanted)];
    const { sql, params } = facetQuery(criteria, facets, cap);
    const rows = await this.dataSource.query<
      { facet: string; value: string | null; count: string }[]
    >(sql, params);
    const matched = Number(rows.find((row) => row.facet === '_matched')?.count ?? 0);
    const oldest = rows.find((row) => row.facet === '_oldest')?.count;
    const bounded = matched > cap;
    const result: LogFacetsDto = {
      bounded,
      countedRows: Math.min(matched, cap),
      oldestCounted: bounded && oldest ? new Date(Number(oldest)).toISOString() : null,
      moreValues: [],
    };
    for (const facet of facets) {
      const counts = rows
        .filter((row) => row.facet === facet)
        .map((row): FacetCountDto => ({ value: row.value ?? '', count: Number(row.count) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      if (counts.length > FACET_VALUE_LIMIT) result.moreValues.push(facet);
      result[facet] = counts.slice(0, FACET_VALUE_LIMIT);
    }
    return result;
  }
}

function criteriaOf(query: LogSearchQuery): LogSearchCriteria {
  if (query.from && query.to && Date.parse(query.to) < Date.parse(query.from)) {
    throw new ValidationFailedError([{ field: 'to', messages: ['to must not be before from'] }]);
  }
  return {
    text: query.q === undefined ? undefined : parseWebSearch(query.q, 'q'),
    botIds: query.botIds,
    guildId: query.guildId,
    channelId: query.channelId,
    userId: query.userId,
    interactionId: query.interactionId,
    command: query.command,
    statuses: query.statuses,
    errorCode: query.errorCode,
    deferred: query.deferred === undefined ? undefined : query.deferred === 'true',
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    minDurationMs: query.minDurationMs,
    maxDurationMs: query.maxDurationMs,
  };
}
