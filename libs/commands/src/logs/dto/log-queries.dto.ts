import { CursorQueryDto, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@botdeck/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Max,
  Min,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { FAILED_OUTCOMES, type CommandOutcome } from '../command-log.entity';

export class RecentLogsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export class FailedLogsQuery extends CursorQueryDto {
  @ApiPropertyOptional({
    enum: FAILED_OUTCOMES,
    description: 'Only this outcome (default: every one but success)',
  })
  @IsOptional()
  @IsIn(FAILED_OUTCOMES)
  status?: CommandOutcome;
}

/** Fails when the decorated ISO date is before the one in `property`. */
function IsNotBefore(property: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName,
      constraints: [property],
      options: { message: `${propertyName} must not be before ${property}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          const [end, start] = [Date.parse(value), Date.parse(other)];
          return Number.isNaN(end) || Number.isNaN(start) || end >= start;
        },
      },
    });
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
