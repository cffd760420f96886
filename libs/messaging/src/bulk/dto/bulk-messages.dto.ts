import { BotTags, lowerCaseEach } from '@botdeck/bulk-operations';
import { IsOptionalNotNull } from '@botdeck/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  Equals,
  IsArray,
  IsISO8601,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { MessageBodyDto, SNOWFLAKE } from '../../messages/dto/message-body.dto';

/** The most targets (bot × channel) one message operation may have. */
export const MAX_MESSAGE_TARGETS = 10_000;
/** The most bots a `botIds` or `tags` selection may name (as for lifecycle operations). */
export const MAX_MESSAGE_BOTS = 500;
const lowerCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.toLowerCase() : value;

export class MessageTargetDto {
  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCase)
  @IsUUID('all')
  botId!: string;

  @ApiProperty({ example: '1234567890123456789' })
  @Matches(SNOWFLAKE, { message: 'channelId must be a snowflake' })
  channelId!: string;
}

/**
 * A bulk message: the message, and its targets given one way — `targets`, or bots (`botIds`
 * or `tags`) times `channelIds` or `everyTextChannel`. Which combinations are allowed is
 * checked by the service, which names the offending field.
 */
export class BulkMessagesDto extends MessageBodyDto {
  @ApiPropertyOptional({ type: [MessageTargetDto], maxItems: MAX_MESSAGE_TARGETS })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_MESSAGE_TARGETS)
  @ValidateNested({ each: true })
  @Type(() => MessageTargetDto)
  targets?: MessageTargetDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_MESSAGE_BOTS })
  @IsOptionalNotNull()
  @Transform(lowerCaseEach)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_MESSAGE_BOTS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each botId must be a UUID' })
  botIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['eu'], description: 'Bots carrying any tag' })
  @IsOptionalNotNull()
  @BotTags()
  tags?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: MAX_MESSAGE_TARGETS })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_MESSAGE_TARGETS)
  @ArrayUnique()
  @Matches(SNOWFLAKE, { each: true, message: 'each channelId must be a snowflake' })
  channelIds?: string[];

  @ApiPropertyOptional({
    enum: [true],
    description: 'Every text channel each bot can send to, resolved when the message goes out',
  })
  @IsOptionalNotNull()
  @Equals(true, { message: 'everyTextChannel must be true when given' })
  everyTextChannel?: true;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Send at this time (at most 31 days ahead) instead of at once',
  })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true })
  sendAt?: string;
}
