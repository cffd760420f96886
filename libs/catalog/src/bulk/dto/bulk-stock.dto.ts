import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OnlyOneOf } from '../../http/only-one-of';
import { SKU, SKU_MESSAGE, Trim } from '../../products/dto/product-fields';
import { REASON_MAX, StockAmountDto } from '../../stock/dto/stock-change.dto';

/** The most adjustments one request may carry. */
export const MAX_BULK_ADJUSTMENTS = 10_000;

export class BulkAdjustmentDto extends StockAmountDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The product (give this or sku)' })
  @ValidateIf((row: BulkAdjustmentDto) => row.productId !== undefined || row.sku === undefined)
  @IsDefined({ message: 'give either productId or sku' })
  @OnlyOneOf('sku')
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId?: string;

  @ApiPropertyOptional({ example: 'TEE-RED-M' })
  @ValidateIf((row: BulkAdjustmentDto) => row.sku !== undefined)
  @IsString()
  @Matches(SKU, { message: SKU_MESSAGE })
  sku?: string;

  @ApiPropertyOptional({
    maxLength: REASON_MAX,
    description: 'This row’s reason, else the request’s',
  })
  @ValidateIf((row: BulkAdjustmentDto) => row.reason !== undefined)
  @Trim()
  @IsString()
  @Length(1, REASON_MAX)
  reason?: string;
}

/** Many adjustments, applied in order, all or nothing. */
export class BulkStockDto {
  @ApiProperty({ type: [BulkAdjustmentDto], maxItems: MAX_BULK_ADJUSTMENTS })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BULK_ADJUSTMENTS)
  @ValidateNested({ each: true })
  @Type(() => BulkAdjustmentDto)
  adjustments!: BulkAdjustmentDto[];

  @ApiProperty({ example: 'stocktake 2026-11', maxLength: REASON_MAX })
  @Trim()
  @IsString()
  @Length(1, REASON_MAX)
  reason!: string;
}

export class BulkStockResultDto {
  @ApiProperty({ description: 'Adjustments applied (one ledger row each)' }) adjustments!: number;
  @ApiProperty({ description: 'Distinct products adjusted' }) products!: number;
  @ApiProperty({ description: 'Products whose quantity moved' }) changed!: number;
}
