import type { BotStatus } from '@botdeck/bot-config';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One gateway shard of a sharded bot, as the worker running it last reported it. Written only
 * by `BotRuntimeStates`; unsharded bots have none (their bot row says it all).
 */
@Entity({ name: 'bot_shard_states' })
export class BotShardStateEntity {
  @PrimaryColumn('uuid', { name: 'bot_id' })
  botId!: string;

  @PrimaryColumn('integer', { name: 'shard_id' })
  shardId!: number;

  /** The shard count this shard was started with (a re-shard leaves older rows behind). */
  @Column('integer', { name: 'shard_count' })
  shardCount!: number;

  @Column('text')
  status!: BotStatus;

  @Column('text', { name: 'status_reason', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'timestamptz', name: 'status_changed_at', precision: 3 })
  statusChangedAt!: Date;

  @Column('text', { name: 'worker_id', nullable: true })
  workerId!: string | null;

  /** Heartbeat round trip, refreshed with each lease renewal. */
  @Column('integer', { name: 'ping_ms', nullable: true })
  pingMs!: number | null;

  @Column('integer', { nullable: true })
  guilds!: number | null;
}
