import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { MessageBodyDto, SNOWFLAKE } from './message-body.dto';

export class SendMessageDto extends MessageBodyDto {
  @ApiProperty({ example: '1234567890123456789' })
  @Matches(SNOWFLAKE, { message: 'channelId must be a snowflake' })
  channelId!: string;
}

export class SentMessageDto {
  @ApiProperty({ description: 'The id Discord gave the message' }) id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty({ format: 'uuid' }) botId!: string;
}
