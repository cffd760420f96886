import { IsOptionalNotNull } from '@botdeck/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Length, Min } from 'class-validator';
import { DisplayFieldsDto, trim } from './display-fields';

/** Bot, guild and channel are fixed: a display for another channel is another display. */
export class UpdateStockDisplayDto extends DisplayFieldsDto {
  @ApiPropertyOptional({ example: 'Live stock', maxLength: 200 })
  @IsOptionalNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version!: number;
}
