import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsUUID,
  Matches,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';

/** The most bots one bulk operation may touch. */
export const MAX_BULK_BOTS = 500;
/** A bot tag, as bots carry them. */
export const BOT_TAG = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** A list of 1–20 distinct bot tags, as a bulk request names bots by tag. */
export const BotTags = () =>
  applyDecorators(
    IsArray(),
    ArrayNotEmpty(),
    ArrayMaxSize(20),
    ArrayUnique(),
    Matches(BOT_TAG, {
      each: true,
      message: 'each tag must be lower-case letters, digits, - or _',
    }),
  );

/** Lower-cases each string of an array (UUIDs compare case-insensitively). */
export const lowerCaseEach = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.toLowerCase() : item))
    : value;

/** Fails when the sibling property is present too: the body names bots one way only. */
function AbsentWith(other: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'absentWith',
      target: target.constructor,
      propertyName,
      constraints: [other],
      options: { message: `give either ${propertyName} or ${other}, not both` },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          (args.object as Record<string, unknown>)[other] === undefined,
      },
    });
}

/** Which bots a bulk lifecycle request acts on: exactly one of `botIds` or `tags`. */
export class BulkBotsDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_BULK_BOTS,
    description: 'The bots to act on (give this or tags)',
  })
  // Validated when present, and also when tags is absent, so "neither" is reported here.
  @ValidateIf((body: BulkBotsDto) => body.botIds !== undefined || body.tags === undefined)
  @IsDefined({ message: 'give either botIds or tags' })
  @AbsentWith('tags')
  @Transform(lowerCaseEach)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BULK_BOTS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each botId must be a UUID' })
  botIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['eu'],
    description: `Act on every bot carrying any of these tags (at most ${MAX_BULK_BOTS} bots)`,
  })
  @ValidateIf((body: BulkBotsDto) => body.tags !== undefined)
  @BotTags()
  tags?: string[];
}
