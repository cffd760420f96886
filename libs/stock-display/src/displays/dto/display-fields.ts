import { IsOptionalNotNull } from '@botdeck/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  MaxLength,
} from 'class-validator';
import { STOCK_MODES, type StockMode } from '../../rendering/display-layout';

export const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** What a display shows and how (besides its title): the fields both create and update take. */
export class DisplayFieldsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['fruit'],
    description: 'Only products in these categories; empty or absent = every category',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  categories?: string[];

  @ApiPropertyOptional({ default: true, description: 'Show sold-out products' })
  @IsOptionalNotNull()
  @IsBoolean()
  includeSoldOut?: boolean;

  @ApiPropertyOptional({
    enum: ['exact', 'levels'],
    default: 'exact',
    description: '`exact` counts, or only `levels` (in stock / low stock / sold out)',
  })
  @IsOptionalNotNull()
  @IsIn(STOCK_MODES)
  stockMode?: StockMode;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNotNull()
  @IsBoolean()
  showPrices?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Mark products at or under their threshold' })
  @IsOptionalNotNull()
  @IsBoolean()
  lowStockMarker?: boolean;

  @ApiPropertyOptional({ default: true, description: 'A disabled display has no message' })
  @IsOptionalNotNull()
  @IsBoolean()
  enabled?: boolean;
}
