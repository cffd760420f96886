import { CursorQuery, IsNotBefore } from '@botdeck/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBooleanString,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { COMMAND_OUTCOMES, type CommandStatus } from '../command-log.entity';
import { CommandLogDto } from './command-log.dto';

export const LOG_SORTS = ['newest', 'oldest', 'slowest'] as const;
export type LogSort = (typeof LOG_SORTS)[number];
export const LOG_FACETS = ['status', 'command', 'bot'] as const;
export type LogFacet = (typeof LOG_FACETS)[number];
/**
 * Values listed per facet, the largest counts first: statuses and commands stay well under it,
 * but a fleet's bots need not, and the list must not grow with the fleet.
 */
export const FACET_VALUE_LIMIT = 50;
const STATUSES: readonly CommandStatus[] = ['started', ...COMMAND_OUTCOMES];
const SNOWFLAKE = /^\d{17,20}$/;

/** `a,b` or `?x=a&x=b` → `['a', 'b']`; anything else is left for the validators to refuse. */
const commaList = ({ value }: { value: unknown }): unknown => {
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((part) => typeof part === 'string')) return value;
  return parts.flatMap((part) => part.split(',')).map((part) => part.trim());
};

@ValidatorConstraint({ name: 'isNotBelow' })
class NotBelow implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const other = (args.object as Record<string, unknown>)[args.constraints[0] as string];
    return typeof value !== 'number' || typeof other !== 'number' || value >= other;
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must not be below ${args.constraints[0] as string}`;
  }
}

export class LogSearchQuery extends CursorQuery({ default: 20, max: 100 }) {
  @ApiPropertyOptional({
    description:
      'Full text in web-search syntax over the command, option values, error code and ' +
      'message and the user name: `word`, `"a phrase"`, `a OR b`, `-excluded`',
    example: 'buy -timeout',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  q?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Bot ids (UUIDs), comma-separated or repeated; at most 50',
  })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  botIds?: string[];

  @ApiPropertyOptional({ description: 'Guild id (snowflake)' })
  @IsOptional()
  @Matches(SNOWFLAKE, { message: 'guildId must be a Discord snowflake (17 to 20 digits)' })
  guildId?: string;

  @ApiPropertyOptional({ description: 'Channel id (snowflake)' })
  @IsOptional()
  @Matches(SNOWFLAKE, { message: 'channelId must be a Discord snowflake (17 to 20 digits)' })
  channelId?: string;

  @ApiPropertyOptional({ description: 'Discord user id (snowflake)' })
  @IsOptional()
  @Matches(SNOWFLAKE, { message: 'userId must be a Discord snowflake (17 to 20 digits)' })
  userId?: string;

  @ApiPropertyOptional({ description: 'One interaction (snowflake)' })
  @IsOptional()
  @Matches(SNOWFLAKE, { message: 'interactionId must be a Discord snowflake (17 to 20 digits)' })
  interactionId?: string;

  @ApiPropertyOptional({ example: 'stock add', description: 'Exact command name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  command?: string;

  @ApiPropertyOptional({
    type: String,
    description: `Statuses, comma-separated: ${STATUSES.join(', ')}`,
    example: 'error,timed_out',
  })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  statuses?: CommandStatus[];

  @ApiPropertyOptional({ example: 'COMMAND_FAILED', description: 'Exact error code' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, {
    message: 'errorCode must be 1 to 100 letters, digits or _ . : -',
  })
  errorCode?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only (not) deferred replies' })
  @IsOptional()
  @IsBooleanString()
  @IsIn(['true', 'false'])
  deferred?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'date-time', description: 'Started at or after (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Started before (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsNotBefore('from')
  to?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Duration at least (ms)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  minDurationMs?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Duration at most (ms); not below min' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  @Validate(NotBelow, ['minDurationMs'])
  maxDurationMs?: number;

  @ApiPropertyOptional({ enum: LOG_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(LOG_SORTS)
  sort?: LogSort;

  @ApiPropertyOptional({
    type: String,
    description: `Facets to count over the filtered set, comma-separated: ${LOG_FACETS.join(', ')}`,
    example: 'status,command',
  })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(LOG_FACETS.length)
  @IsIn(LOG_FACETS, { each: true })
  facets?: LogFacet[];
}

export class FacetCountDto {
  @ApiProperty({ example: 'error' })
  value!: string;

  @ApiProperty({ example: 12 })
  count!: number;
}

export class LogFacetsDto {
  @ApiProperty({
    description:
      'True when more rows matched than were counted: the counts then cover only the newest ' +
      '`countedRows` matches (between `oldestCounted` and now)',
  })
  bounded!: boolean;

  @ApiProperty({ description: 'Rows counted (at most COMMAND_LOG_FACET_ROW_CAP)' })
  countedRows!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Start time of the oldest row counted when bounded, else null',
  })
  oldestCounted!: string | null;

  @ApiProperty({
    enum: LOG_FACETS,
    isArray: true,
    description:
      `Facets with more distinct values than the ${FACET_VALUE_LIMIT} listed (the largest ` +
      'counts are listed)',
  })
  moreValues!: LogFacet[];

  @ApiPropertyOptional({ type: [FacetCountDto] })
  status?: FacetCountDto[];

  @ApiPropertyOptional({ type: [FacetCountDto] })
  command?: FacetCountDto[];

  @ApiPropertyOptional({ type: [FacetCountDto], description: 'By bot id' })
  bot?: FacetCountDto[];
}

export class LogSearchPageDto {
  @ApiProperty({ type: [CommandLogDto] })
  items!: CommandLogDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= (same sort)' })
  nextCursor!: string | null;

  @ApiPropertyOptional({ type: LogFacetsDto, description: 'Only when `facets` was asked for' })
  facets?: LogFacetsDto;
}
