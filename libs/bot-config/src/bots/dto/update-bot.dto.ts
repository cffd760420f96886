import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreateBotDto } from './create-bot.dto';

/** Every field may be left out; none may be null (their columns are NOT NULL). */
export class UpdateBotDto extends PartialType(OmitType(CreateBotDto, ['token'] as const), {
  skipNullProperties: false,
}) {
  @ApiProperty({ description: 'The version you read; a stale one is refused with 409', example: 3 })
  @IsInt()
  @Min(1)
  version!: number;
}
