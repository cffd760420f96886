import { SNOWFLAKE } from '@botdeck/bot-config';
import { CursorQueryDto } from '@botdeck/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { DISPLAY_STATUSES, type DisplayStatus } from '../stock-display.entity';

export class ListStockDisplaysQuery extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'botId must be a UUID' })
  botId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SNOWFLAKE, { message: 'channelId must be a Discord snowflake' })
  channelId?: string;

  @ApiPropertyOptional({ enum: DISPLAY_STATUSES })
  @IsOptional()
  @IsIn(DISPLAY_STATUSES)
  status?: DisplayStatus;
}
