import { IsOptionalNotNull } from '@botdeck/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
} from 'class-validator';
import {
  CATEGORY,
  CATEGORY_MESSAGE,
  CURRENCIES,
  DESCRIPTION_MAX,
  isEmoji,
  MAX_PRICE_MINOR,
  MAX_SORT_ORDER,
  MAX_STOCK,
  NAME_MAX,
  SKU,
  SKU_MESSAGE,
  SNOWFLAKE,
  Trim,
  UpperCase,
} from './product-fields';

function IsEmoji() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isEmoji',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be one Unicode emoji or a Discord custom emoji <:name:id>`,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isEmoji(value) },
    });
}

/** A product's fields as a client sends them (create, bulk upsert rows). */
export class ProductFieldsDto {
  @ApiProperty({ example: 'TEE-RED-M', maxLength: 64, description: 'Unique, ignoring case' })
  @IsString()
  @Matches(SKU, { message: SKU_MESSAGE })
  sku!: string;

  @ApiProperty({ example: 'Red T-shirt (M)', maxLength: NAME_MAX })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DESCRIPTION_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'shirts', maxLength: 64 })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(CATEGORY, { message: CATEGORY_MESSAGE })
  category?: string | null;

  @ApiProperty({
    example: 1999,
    minimum: 0,
    maximum: MAX_PRICE_MINOR,
    description: 'Price in minor units of the currency (cents for EUR, yen for JPY)',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_MINOR)
  priceMinor!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO-4217 code' })
  @UpperCase()
  @IsString()
  @IsIn(CURRENCIES, { message: 'currency must be an ISO-4217 currency code' })
  currency!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_STOCK,
    default: 0,
    description: 'Units in stock; null = unlimited',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_STOCK,
    default: 0,
    description: 'At or below this, the product counts as low on stock',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  lowStockThreshold?: number;

  @ApiPropertyOptional({
    default: true,
    description: 'Hidden products show on no display or command',
  })
  @IsOptionalNotNull()
  @IsBoolean()
  visible?: boolean;

  @ApiPropertyOptional({ default: 0, minimum: -MAX_SORT_ORDER, maximum: MAX_SORT_ORDER })
  @IsOptionalNotNull()
  @IsInt()
  @Min(-MAX_SORT_ORDER)
  @Max(MAX_SORT_ORDER)
  sortOrder?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '👕' })
  @IsOptional()
  @IsEmoji()
  emoji?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Channel for restock alerts (with alertRoleId); else the category’s',
  })
  @IsOptional()
  @Matches(SNOWFLAKE, { message: 'alertChannelId must be a Discord snowflake' })
  alertChannelId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Role the alert mentions' })
  @IsOptional()
  @Matches(SNOWFLAKE, { message: 'alertRoleId must be a Discord snowflake' })
  alertRoleId?: string | null;
}

/** Both alert fields, or neither (checked on the resulting product, so PATCH may send one). */
export function alertPairError(fields: {
  alertChannelId: string | null;
  alertRoleId: string | null;
}): string | null {
  return (fields.alertChannelId === null) === (fields.alertRoleId === null)
    ? null
    : 'alertChannelId and alertRoleId go together: give both, or neither';
}

export class CreateProductDto extends ProductFieldsDto {}
