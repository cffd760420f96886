import { IsOptionalNotNull } from '@botdeck/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { DESIRED_STATES, type DesiredState } from '../bot-runtime.port';
import { IsShardCount, SHARD_COUNT_SCHEMA, type ShardCountSetting } from './shard-count';
import { INTENT_NAMES, SNOWFLAKE, TAG, TOKEN_SHAPE } from './bot-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateBotDto {
  @ApiProperty({ example: 'stock-bot-eu', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ description: 'Discord bot token. Write-only: never returned.', writeOnly: true })
  @IsString()
  @Matches(TOKEN_SHAPE, { message: 'token does not look like a Discord bot token' })
  token!: string;

  @ApiPropertyOptional({ type: [String], example: ['Guilds'], description: 'Gateway intent names' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(INTENT_NAMES, { each: true, message: 'each intent must be a gateway intent name' })
  intents?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Guilds to register slash commands in (instead of globally) while developing',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(SNOWFLAKE, { each: true, message: 'each devGuildId must be a Discord snowflake' })
  devGuildIds?: string[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['eu', 'shop'],
    description: 'Used to pick bots in bulk',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(TAG, {
    each: true,
    message: 'each tag must be lower-case letters, digits, - or _ (≤ 32)',
  })
  tags?: string[];

  @ApiPropertyOptional({ ...SHARD_COUNT_SCHEMA, default: 1 })
  @IsOptionalNotNull()
  @IsShardCount()
  shardCount?: ShardCountSetting;

  @ApiPropertyOptional({ enum: DESIRED_STATES, default: 'stopped' })
  @IsOptionalNotNull()
  @IsIn(DESIRED_STATES)
  desiredState?: DesiredState;
}
