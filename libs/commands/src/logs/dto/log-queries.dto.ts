import { CursorQueryDto, IsNotBefore } from '@botdeck/core';
import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { FAILED_OUTCOMES, type CommandOutcome } from '../command-log.entity';

/** Just the newest entries: a bounded `limit`, no cursor. */
export class RecentLogsQuery extends PickType(CursorQueryDto, ['limit'] as const) {}

export class FailedLogsQuery extends CursorQueryDto {
  @ApiPropertyOptional({
    enum: FAILED_OUTCOMES,
    description: 'Only this outcome (default: every one but success)',
  })
  @IsOptional()
  @IsIn(FAILED_OUTCOMES)
  status?: CommandOutcome;
}

export class CommandStatsQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start of the range, inclusive (default: 24 hours before `to`)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'End of the range, inclusive (default: now); not before `from`',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsNotBefore('from')
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only commands served by this bot' })
  @IsOptional()
  @IsUUID()
  botId?: string;
}
