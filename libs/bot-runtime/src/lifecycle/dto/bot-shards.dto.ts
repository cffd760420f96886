import { BOT_STATUSES, type BotStatus, type ShardCountSetting } from '@botdeck/bot-config';
import { ApiProperty } from '@nestjs/swagger';
import type { BotShards } from '../../state/bot-runtime-states.service';
import { BotLifecycleDto } from './bot-lifecycle.dto';

export class BotShardDto {
  @ApiProperty({ example: 0 }) shardId!: number;
  @ApiProperty({
    enum: BOT_STATUSES,
    description: '`unknown` when no live worker vouches for the shard (lease lapsed, Redis away)',
  })
  status!: BotStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  statusChangedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The worker running the shard' })
  workerId!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Heartbeat round trip (ms)' })
  pingMs!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Guilds on this shard' })
  guilds!: number | null;
}

/** A bot's shard setting, its aggregate status, and each shard of the layout it runs with. */
export class BotShardsDto {
  @ApiProperty({ type: BotLifecycleDto, description: 'The bot; online only when every shard is' })
  bot!: BotLifecycleDto;
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['auto'] },
      { type: 'integer', minimum: 1 },
    ],
    description: 'The configured shard count',
  })
  shardCountSetting!: ShardCountSetting;
  @ApiProperty({ description: 'The shard count the runtime runs (or last ran) the bot with' })
  shardCount!: number;
  @ApiProperty({ type: [BotShardDto] }) shards!: BotShardDto[];

  static from(view: BotShards): BotShardsDto {
    return {
      bot: BotLifecycleDto.from(view.lifecycle),
      shardCountSetting: view.setting,
      shardCount: view.shardCount,
      shards: view.shards.map((shard) => ({
        shardId: shard.shardId,
        status: shard.status,
        statusReason: shard.statusReason,
        statusChangedAt:
          shard.statusChangedAt.getTime() === 0 ? null : shard.statusChangedAt.toISOString(),
        workerId: shard.workerId,
        pingMs: shard.pingMs,
        guilds: shard.guilds,
      })),
    };
  }
}
