import { CursorQueryDto } from '@botdeck/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BOT_STATUSES, type BotStatus } from '../bot-runtime.port';
import { TAG } from './bot-fields';

export class ListBotsQuery extends CursorQueryDto {
  @ApiPropertyOptional({ enum: BOT_STATUSES })
  @IsOptional()
  @IsIn(BOT_STATUSES)
  status?: BotStatus;

  @ApiPropertyOptional({ description: 'Only bots carrying this tag' })
  @IsOptional()
  @Matches(TAG, { message: 'tag must be lower-case letters, digits, - or _' })
  tag?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}
