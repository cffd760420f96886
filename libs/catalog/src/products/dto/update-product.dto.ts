import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreateProductDto } from './create-product.dto';

/**
 * Every field may be left out; nullable ones may be null. Stock is not here: it moves only
 * through `POST /products/:id/stock`, which writes the ledger.
 */
export class UpdateProductDto extends PartialType(OmitType(CreateProductDto, ['stock'] as const), {
  skipNullProperties: false,
}) {
  @ApiProperty({ description: 'The version you read; a stale one is refused with 409', example: 3 })
  @IsInt()
  @Min(1)
  version!: number;
}
