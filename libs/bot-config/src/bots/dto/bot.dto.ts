import { ApiProperty } from '@nestjs/swagger';
import { type BotEntity, INTERACTIONS_MODES, type InteractionsMode } from '../bot.entity';
import {
  BOT_STATUSES,
  type BotRuntimeView,
  type BotStatus,
  DESIRED_STATES,
  type DesiredState,
} from '../bot-runtime.port';
import { SHARD_COUNT_SCHEMA, type ShardCountSetting, shardSetting } from './shard-count';

/**
 * A bot configuration as the API shows it (the token only by its last four characters), with
 * the runtime's view of its lifecycle beside it.
 */
export class BotDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'x9Qa' }) tokenLast4!: string;
  @ApiProperty({ type: String, nullable: true }) applicationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) botUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) botUsername!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Ed25519 public key, hex' })
  publicKey!: string | null;
  @ApiProperty({ enum: INTERACTIONS_MODES }) interactionsMode!: InteractionsMode;
  @ApiProperty({ type: [String] }) intents!: string[];
  @ApiProperty({ type: [String] }) devGuildIds!: string[];
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty(SHARD_COUNT_SCHEMA) shardCount!: ShardCountSetting;
  @ApiProperty({ enum: DESIRED_STATES }) desiredState!: DesiredState;
  @ApiProperty({
    enum: BOT_STATUSES,
    readOnly: true,
    description: '`unknown` when no live worker vouches for the bot (lease lapsed, Redis away)',
  })
  status!: BotStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(bot: BotEntity, runtime: BotRuntimeView): BotDto {
    return {
      id: bot.id,
      name: bot.name,
      tokenLast4: bot.tokenLast4,
      applicationId: bot.applicationId,
      botUserId: bot.botUserId,
      botUsername: bot.botUsername,
      validatedAt: bot.validatedAt?.toISOString() ?? null,
      publicKey: bot.publicKey,
      interactionsMode: bot.interactionsMode,
      intents: bot.intents,
      devGuildIds: bot.devGuildIds,
      description: bot.description,
      tags: bot.tags,
      shardCount: shardSetting(bot.shardCount),
      desiredState: runtime.desiredState,
      status: runtime.status,
      statusReason: runtime.statusReason,
      statusChangedAt: runtime.statusChangedAt.toISOString(),
      version: bot.version,
      createdAt: bot.createdAt.toISOString(),
      updatedAt: bot.updatedAt.toISOString(),
    };
  }
}
