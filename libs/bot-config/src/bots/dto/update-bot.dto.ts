import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreateBotDto } from './create-bot.dto';

export class UpdateBotDto extends PartialType(OmitType(CreateBotDto, ['token'] as const)) {
  @ApiProperty({ description: 'The version you read; a stale one is refused with 409', example: 3 })
  @IsInt()
  @Min(1)
  version!: number;
}
