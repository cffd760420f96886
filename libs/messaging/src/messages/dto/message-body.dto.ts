import { IsOptionalNotNull } from '@botdeck/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { embedLength, MESSAGE_LIMITS } from '../message-limits';

export const SNOWFLAKE = /^\d{17,20}$/;
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class EmbedFooterDto {
  @ApiProperty({ maxLength: MESSAGE_LIMITS.footerText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_LIMITS.footerText)
  text!: string;

  @ApiPropertyOptional({ format: 'uri' })
  @IsOptionalNotNull()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  iconUrl?: string;
}

export class EmbedAuthorDto {
  @ApiProperty({ maxLength: MESSAGE_LIMITS.authorName })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_LIMITS.authorName)
  name!: string;

  @ApiPropertyOptional({ format: 'uri' })
  @IsOptionalNotNull()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ format: 'uri' })
  @IsOptionalNotNull()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  iconUrl?: string;
}

export class EmbedFieldDto {
  @ApiProperty({ maxLength: MESSAGE_LIMITS.fieldName })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_LIMITS.fieldName)
  name!: string;

  @ApiProperty({ maxLength: MESSAGE_LIMITS.fieldValue })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_LIMITS.fieldValue)
  value!: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  inline?: boolean;
}

export class EmbedMediaDto {
  @ApiProperty({ format: 'uri' })
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  url!: string;
}

/** A rich embed, with Discord's limits; sent to Discord in its own snake_case shape. */
export class EmbedDto {
  @ApiPropertyOptional({ maxLength: MESSAGE_LIMITS.embedTitle })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(MESSAGE_LIMITS.embedTitle)
  title?: string;

  @ApiPropertyOptional({ maxLength: MESSAGE_LIMITS.embedDescription })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(MESSAGE_LIMITS.embedDescription)
  description?: string;

  @ApiPropertyOptional({ format: 'uri' })
  @IsOptionalNotNull()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 0xffffff, description: 'RGB as an integer' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(0xffffff)
  color?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true })
  timestamp?: string;

  @ApiPropertyOptional({ type: EmbedFooterDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EmbedFooterDto)
  footer?: EmbedFooterDto;

  @ApiPropertyOptional({ type: EmbedAuthorDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EmbedAuthorDto)
  author?: EmbedAuthorDto;

  @ApiPropertyOptional({ type: [EmbedFieldDto], maxItems: MESSAGE_LIMITS.embedFields })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MESSAGE_LIMITS.embedFields)
  @ValidateNested({ each: true })
  @Type(() => EmbedFieldDto)
  fields?: EmbedFieldDto[];

  @ApiPropertyOptional({ type: EmbedMediaDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EmbedMediaDto)
  image?: EmbedMediaDto;

  @ApiPropertyOptional({ type: EmbedMediaDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EmbedMediaDto)
  thumbnail?: EmbedMediaDto;
}

export const MENTION_TYPES = ['users', 'roles', 'everyone'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

/**
 * Who may be pinged. Left out, nobody is (`{ parse: [] }`); `everyone` (which also covers
 * `@here`) needs the admin role.
 */
export class AllowedMentionsDto {
  @ApiPropertyOptional({ enum: MENTION_TYPES, isArray: true, default: [] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(MENTION_TYPES, { each: true })
  parse?: MentionType[];

  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'User ids to ping' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(SNOWFLAKE, { each: true, message: 'each user id must be a snowflake' })
  users?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'Role ids to ping' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(SNOWFLAKE, { each: true, message: 'each role id must be a snowflake' })
  roles?: string[];
}

/** Fails unless the embeds' text, all together, stays within Discord's 6 000 characters. */
function EmbedsWithinTotal() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'embedsWithinTotal',
      target: target.constructor,
      propertyName,
      options: {
        message: `embeds must hold at most ${MESSAGE_LIMITS.embedTotal} characters in all`,
      },
      validator: {
        validate: (value: unknown) =>
          !Array.isArray(value) ||
          value.reduce<number>((sum, embed) => sum + embedLength(embed), 0) <=
            MESSAGE_LIMITS.embedTotal,
      },
    });
}

/** What a message says, checked against Discord's limits before anything is sent. */
export class MessageBodyDto {
  @ApiPropertyOptional({ maxLength: MESSAGE_LIMITS.content, example: 'Restock at 18:00 UTC' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(MESSAGE_LIMITS.content)
  content?: string;

  @ApiPropertyOptional({ type: [EmbedDto], maxItems: MESSAGE_LIMITS.embeds })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MESSAGE_LIMITS.embeds)
  @EmbedsWithinTotal()
  @ValidateNested({ each: true })
  @Type(() => EmbedDto)
  embeds?: EmbedDto[];

  @ApiPropertyOptional({ type: AllowedMentionsDto, default: { parse: [] } })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => AllowedMentionsDto)
  allowedMentions?: AllowedMentionsDto;
}
