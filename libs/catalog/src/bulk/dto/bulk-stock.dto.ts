import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsString, Length } from 'class-validator';
import { MAX_STOCK, Trim } from '../../products/dto/product-fields';
import { REASON_MAX } from '../../stock/dto/stock-change.dto';

/** The most adjustments one request may carry. */
export const MAX_BULK_ADJUSTMENTS = 10_000;

/**
 * One adjustment, as documented. Rows are checked by `readAdjustments` (fast, row-named
 * errors), not by class-validator, so this class only describes them.
 */
export class BulkAdjustmentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The product (give this or sku)' })
  productId?: string;

  @ApiPropertyOptional({ example: 'TEE-RED-M' })
  sku?: string;

  @ApiPropertyOptional({
    example: -1,
    minimum: -MAX_STOCK,
    maximum: MAX_STOCK,
    description: 'Add (or remove) this many units; give this or set',
  })
  delta?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_STOCK,
    description: 'Set the stock to this; null makes it unlimited',
  })
  set?: number | null;

  @ApiPropertyOptional({
    maxLength: REASON_MAX,
    description: 'This row’s reason, else the request’s',
  })
  reason?: string;
}

/** Many adjustments, applied in order, all or nothing. */
export class BulkStockDto {
  @ApiProperty({ type: [BulkAdjustmentDto], maxItems: MAX_BULK_ADJUSTMENTS })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BULK_ADJUSTMENTS)
  adjustments!: unknown[];

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
