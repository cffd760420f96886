import { ApiProperty } from '@nestjs/swagger';
import {
  BOT_STATUSES,
  BotEntity,
  type BotStatus,
  DESIRED_STATES,
  type DesiredState,
} from '../bot.entity';

/** A bot configuration as the API shows it: the token only by its last four characters. */
export class BotDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'x9Qa' }) tokenLast4!: string;
  @ApiProperty({ type: String, nullable: true }) applicationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) botUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) botUsername!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validatedAt!: string | null;
  @ApiProperty({ type: [String] }) intents!: string[];
  @ApiProperty({ type: [String] }) devGuildIds!: string[];
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: DESIRED_STATES }) desiredState!: DesiredState;
  @ApiProperty({ enum: BOT_STATUSES, readOnly: true }) status!: BotStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(bot: BotEntity): BotDto {
    return {
      id: bot.id,
      name: bot.name,
      tokenLast4: bot.tokenLast4,
      applicationId: bot.applicationId,
      botUserId: bot.botUserId,
      botUsername: bot.botUsername,
      validatedAt: bot.validatedAt?.toISOString() ?? null,
      intents: bot.intents,
      devGuildIds: bot.devGuildIds,
      description: bot.description,
      tags: bot.tags,
      desiredState: bot.desiredState,
      status: bot.status,
      statusReason: bot.statusReason,
      statusChangedAt: bot.statusChangedAt.toISOString(),
      version: bot.version,
      createdAt: bot.createdAt.toISOString(),
      updatedAt: bot.updatedAt.toISOString(),
    };
  }
}
