import {
  Actor,
  ApiErrorResponses,
  ApiPage,
  CursorQueryDto,
  Page,
  ReadCache,
  type RequestActor,
  Roles,
} from '@botdeck/core';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandLogsService } from './command-logs.service';
import { CommandLogDto } from './dto/command-log.dto';
import { CommandStatsDto } from './dto/command-stats.dto';
import { CommandStatsQuery, FailedLogsQuery, RecentLogsQuery } from './dto/log-queries.dto';
import { LogSearchPageDto, LogSearchQuery } from './dto/log-search.dto';
import { CommandLogSearchService } from './search/command-log-search.service';
import { SnowflakePipe } from './snowflake.pipe';

@ApiTags('commands')
@Controller('logs')
export class CommandLogsController {
  constructor(
    private readonly logs: CommandLogsService,
    private readonly searches: CommandLogSearchService,
  ) {}

  @Get('search')
  @Roles('viewer')
  @ApiOperation({
    summary: 'Search the command logs: full text, filters, three orders, facets',
    description:
      '`q` takes web-search syntax (`word`, `"a phrase"`, `a OR b`, `-excluded`). Every sort ' +
      'pages by keyset: pass `nextCursor` back with the same sort. Facets count the newest ' +
      'COMMAND_LOG_FACET_ROW_CAP matches at most (`facets.bounded` says when there were more).',
  })
  @ApiOkResponse({ type: LogSearchPageDto })
  @ApiErrorResponses(400)
  search(@Query() query: LogSearchQuery): Promise<LogSearchPageDto> {
    return this.searches.search(query);
  }

  @Get('recent')
  @Roles('viewer')
  @ApiOperation({ summary: 'The latest slash-command interactions, newest first' })
  @ApiOkResponse({ type: [CommandLogDto] })
  @ApiErrorResponses(400)
  recent(@Query() query: RecentLogsQuery): Promise<CommandLogDto[]> {
    return this.logs.recent(query);
  }

  @Get('user/:userId')
  @Roles('viewer')
  @ApiOperation({ summary: 'Interactions of one Discord user, newest first' })
  @ApiParam({ name: 'userId', description: 'Discord user id (snowflake)' })
  @ApiPage(CommandLogDto)
  @ApiErrorResponses(400)
  byUser(
    @Param('userId', SnowflakePipe) userId: string,
    @Query() query: CursorQueryDto,
  ): Promise<Page<CommandLogDto>> {
    return this.logs.byUser(userId, query);
  }

  @Get('failed')
  @Roles('viewer')
  @ApiOperation({
    summary: 'Interactions that did not succeed, newest first',
    description: 'Failed means `error`, `timed_out` or `rate_limited`; `status` narrows it.',
  })
  @ApiPage(CommandLogDto)
  @ApiErrorResponses(400)
  failed(@Query() query: FailedLogsQuery): Promise<Page<CommandLogDto>> {
    return this.logs.failed(query);
  }
}

/** How long stats over a window ending now are kept (the window moves with the clock). */
const STATS_SLIDING_TTL_SECONDS = 5;

@ApiTags('commands')
@Controller('commands')
export class CommandStatsController {
  constructor(
    private readonly logs: CommandLogsService,
    private readonly cache: ReadCache,
  ) {}

  @Get('stats')
  @Roles('viewer')
  @ApiOperation({
    summary: 'Per-command count, success rate and p50/p95/p99 duration, plus totals',
    description: 'Over interactions started in [from, to] (default: the last 24 hours).',
  })
  @ApiOkResponse({ type: CommandStatsDto })
  @ApiErrorResponses(400)
  stats(
    @Query() query: CommandStatsQuery,
    @Actor() actor: RequestActor | undefined,
  ): Promise<CommandStatsDto> {
    // Every logged command moves the generation; a window that ends "now" also moves with the
    // clock, which the short TTL bounds (interactions leaving the 24-hour window's start).
    return this.cache.getOrLoad(
      {
        name: 'commands.stats',
        dependsOn: ['command.logged'],
        key: { query, role: actor?.role },
        ttlSeconds: query.to ? undefined : STATS_SLIDING_TTL_SECONDS,
      },
      () => this.logs.stats(query),
    );
  }
}
