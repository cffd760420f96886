import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsUUID,
  Matches,
  ValidateIf,
} from 'class-validator';
import { OnlyOneOf } from '../../http/only-one-of';
import { CATEGORY, CATEGORY_MESSAGE, SKU, Trim } from '../../products/dto/product-fields';

/** The most products one visibility request may name by id or sku. */
export const MAX_BULK_VISIBILITY = 5_000;

/** Show or hide many products at once, picked by ids, skus or a category (exactly one). */
export class BulkVisibilityDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_BULK_VISIBILITY })
  // Validated when present, and also when no selector is, so "none" is reported here.
  @ValidateIf(
    (body: BulkVisibilityDto) =>
      body.productIds !== undefined || (body.skus === undefined && body.category === undefined),
  )
  @IsDefined({ message: 'give one of productIds, skus or category' })
  @OnlyOneOf('skus', 'category')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BULK_VISIBILITY)
  @IsUUID('all', { each: true, message: 'each productId must be a UUID' })
  productIds?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: MAX_BULK_VISIBILITY })
  @ValidateIf((body: BulkVisibilityDto) => body.skus !== undefined)
  @OnlyOneOf('category')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BULK_VISIBILITY)
  @Matches(SKU, { each: true, message: 'each sku must be 1–64 letters, digits, ".", "_" or "-"' })
  skus?: string[];

  @ApiPropertyOptional({ description: 'Every product of this category (ignoring case)' })
  @ValidateIf((body: BulkVisibilityDto) => body.category !== undefined)
  @Trim()
  @Matches(CATEGORY, { message: CATEGORY_MESSAGE })
  category?: string;

  @ApiProperty()
  @IsBoolean()
  visible!: boolean;
}

export class BulkVisibilityResultDto {
  @ApiProperty({ description: 'Products selected' }) matched!: number;
  @ApiProperty({ description: 'Products whose visibility changed' }) changed!: number;
  @ApiProperty({ type: [String], description: 'Given ids that match no product' })
  unknownProductIds!: string[];
  @ApiProperty({ type: [String], description: 'Given skus that match no product' })
  unknownSkus!: string[];
}
