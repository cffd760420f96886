import { SNOWFLAKE } from '@botdeck/bot-config';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { DisplayFieldsDto, trim } from './display-fields';

export class CreateStockDisplayDto extends DisplayFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'The bot that posts and edits the message' })
  @IsUUID('all', { message: 'botId must be a UUID' })
  botId!: string;

  @ApiProperty({ example: '1123581321345589144' })
  @Matches(SNOWFLAKE, { message: 'guildId must be a Discord snowflake' })
  guildId!: string;

  @ApiProperty({ example: '1123581321345589145' })
  @Matches(SNOWFLAKE, { message: 'channelId must be a Discord snowflake' })
  channelId!: string;

  @ApiProperty({ example: 'Live stock', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title!: string;
}
