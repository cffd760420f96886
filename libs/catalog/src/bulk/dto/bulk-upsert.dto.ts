import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, ValidateNested } from 'class-validator';
import { ProductFieldsDto } from '../../products/dto/create-product.dto';

/** The most products one upsert may carry. */
export const MAX_BULK_UPSERT = 5_000;

/**
 * Products to create or update, matched by sku (ignoring case). On an existing product, the
 * optional fields a row leaves out keep their values; on a new one they take their defaults.
 */
export class BulkUpsertProductsDto {
  @ApiProperty({ type: [ProductFieldsDto], maxItems: MAX_BULK_UPSERT })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BULK_UPSERT)
  @ValidateNested({ each: true })
  @Type(() => ProductFieldsDto)
  products!: ProductFieldsDto[];
}

export const UPSERT_OUTCOMES = ['created', 'updated', 'unchanged'] as const;
export type UpsertOutcome = (typeof UPSERT_OUTCOMES)[number];

export class UpsertedProductDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty({ enum: UPSERT_OUTCOMES }) outcome!: UpsertOutcome;
}

export class BulkUpsertResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [UpsertedProductDto], description: 'One per row, in request order' })
  products!: UpsertedProductDto[];
}
