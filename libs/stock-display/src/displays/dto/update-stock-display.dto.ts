import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { DisplayFieldsDto } from './display-fields';

/** Bot, guild and channel are fixed: a display for another channel is another display. */
export class UpdateStockDisplayDto extends DisplayFieldsDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version!: number;
}
