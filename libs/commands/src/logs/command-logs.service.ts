import { DEFAULT_PAGE_SIZE, mapPage, Page, paginate, ValidationFailedError } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CommandLogEntity, FAILED_OUTCOMES } from './command-log.entity';
import { CommandLogDto } from './dto/command-log.dto';
import { CommandFiguresDto, CommandStatDto, CommandStatsDto } from './dto/command-stats.dto';
import type { CommandStatsQuery, FailedLogsQuery, RecentLogsQuery } from './dto/log-queries.dto';
import type { CursorQueryDto } from '@botdeck/core';

const DAY_MS = 24 * 60 * 60 * 1000;

interface StatsRow {
  command: string | null;
  is_total: boolean;
  count: number;
  success_count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

function figures(row: StatsRow): CommandFiguresDto {
  return {
    count: row.count,
    successCount: row.success_count,
    successRate:
      row.count === 0 ? 0 : Math.round((row.success_count / row.count) * 10_000) / 10_000,
    p50Ms: round(row.p50),
    p95Ms: round(row.p95),
    p99Ms: round(row.p99),
  };
}

/** Reads the command logs. Writing is the log writer's job, in the worker. */
@Injectable()
export class CommandLogsService {
  constructor(
    @InjectRepository(CommandLogEntity) private readonly logs: Repository<CommandLogEntity>,
  ) {}

  async recent(query: RecentLogsQuery): Promise<CommandLogDto[]> {
    const rows = await this.logs
      .createQueryBuilder('log')
      .orderBy('log.createdAt', 'DESC')
      .addOrderBy('log.id', 'DESC')
      .take(query.limit ?? DEFAULT_PAGE_SIZE)
      .getMany();
    return rows.map((row) => CommandLogDto.from(row));
  }

  async byUser(userId: string, page: CursorQueryDto): Promise<Page<CommandLogDto>> {
    const builder = this.logs.createQueryBuilder('log').where('log.userId = :userId', { userId });
    return mapPage(await paginate(builder, page, { idKind: 'snowflake' }), (row) =>
      CommandLogDto.from(row),
    );
  }

  async failed(query: FailedLogsQuery): Promise<Page<CommandLogDto>> {
    const statuses = query.status ? [query.status] : [...FAILED_OUTCOMES];
    // Spelled like the partial index's predicate when listing them all, so the planner uses it.
    const builder = this.logs
      .createQueryBuilder('log')
      .where('log.status IN (:...statuses)', { statuses });
    return mapPage(await paginate(builder, query, { idKind: 'snowflake' }), (row) =>
      CommandLogDto.from(row),
    );
  }

  /** Per-command figures and totals, aggregated by PostgreSQL in one pass. */
  async stats(query: CommandStatsQuery): Promise<CommandStatsDto> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
    if (from > to) {
      throw new ValidationFailedError([{ field: 'from', messages: ['from must not be after to'] }]);
    }
    const rows: StatsRow[] = await this.logs.query(
      `SELECT command,
              GROUPING(command) = 1 AS is_total,
              count(*)::int AS count,
              (count(*) FILTER (WHERE status = 'success'))::int AS success_count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms)
                FILTER (WHERE status <> 'rate_limited') AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)
                FILTER (WHERE status <> 'rate_limited') AS p95,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms)
                FILTER (WHERE status <> 'rate_limited') AS p99
         FROM command_logs
        WHERE created_at >= $1 AND created_at <= $2
          AND status <> 'started'
          AND ($3::uuid IS NULL OR bot_id = $3::uuid)
        GROUP BY GROUPING SETS ((command), ())
        ORDER BY is_total, count(*) DESC, command`,
      [from, to, query.botId ?? null],
    );
    const total = rows.find((row) => row.is_total);
    const commands: CommandStatDto[] = rows
      .filter((row) => !row.is_total)
      .map((row) => ({ command: row.command!, ...figures(row) }));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      botId: query.botId ?? null,
      commands,
      totals: total
        ? figures(total)
        : { count: 0, successCount: 0, successRate: 0, p50Ms: null, p95Ms: null, p99Ms: null },
    };
  }
}
