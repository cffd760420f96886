import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsInt,
  IsString,
  Length,
  Max,
  Min,
  NotEquals,
  ValidateIf,
} from 'class-validator';
import { OnlyOneOf } from '../../http/only-one-of';
import { MAX_STOCK, Trim } from '../../products/dto/product-fields';

export const REASON_MAX = 500;

/** `delta` or `set`, exactly one: the part of a stock change both the single and bulk routes take. */
export class StockAmountDto {
  @ApiPropertyOptional({
    example: -1,
    minimum: -MAX_STOCK,
    maximum: MAX_STOCK,
    description: 'Add (or, negative, remove) this many units; give this or set',
  })
  // Validated when present, and also when set is absent, so "neither" is reported here.
  @ValidateIf((body: StockAmountDto) => body.delta !== undefined || body.set === undefined)
  @IsDefined({ message: 'give either delta or set' })
  @OnlyOneOf('set')
  @IsInt()
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  @NotEquals(0, { message: 'delta must not be 0' })
  delta?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 40,
    minimum: 0,
    maximum: MAX_STOCK,
    description: 'Set the stock to this; null makes it unlimited',
  })
  @ValidateIf((body: StockAmountDto) => body.set !== undefined && body.set !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  set?: number | null;
}

export class StockChangeDto extends StockAmountDto {
  @ApiProperty({ example: 'sold at the counter', maxLength: REASON_MAX })
  @Trim()
  @IsString()
  @Length(1, REASON_MAX)
  reason!: string;
}
