import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** A page of a lifecycle operation (at most 500 bots) always fits the default. */
export const DEFAULT_ITEMS_PAGE = 500;
export const MAX_ITEMS_PAGE = 1_000;

/** `?limit=&cursor=` on an operation's results: a message operation has up to 10 000. */
export class ItemsPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ITEMS_PAGE, default: DEFAULT_ITEMS_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ITEMS_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
