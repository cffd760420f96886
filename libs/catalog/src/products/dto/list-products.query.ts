import { CursorQueryDto } from '@botdeck/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CATEGORY, CATEGORY_MESSAGE, QueryBoolean } from './product-fields';

export class ListProductsQuery extends CursorQueryDto {
  @ApiPropertyOptional({ description: 'Only this category (ignoring case)' })
  @IsOptional()
  @Matches(CATEGORY, { message: CATEGORY_MESSAGE })
  category?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'visible must be true or false' })
  visible?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: tracked stock at or below the low-stock threshold; false: the others',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'lowStock must be true or false' })
  lowStock?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: tracked stock at 0; false: in stock or unlimited',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'outOfStock must be true or false' })
  outOfStock?: boolean;

  @ApiPropertyOptional({ description: 'Prefix of the name or the sku, ignoring case' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  q?: string;
}
