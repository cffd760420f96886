import type { BotStatus, DesiredState } from '@botdeck/bot-config';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A bot's lifecycle: what operators want and what the runtime last reported. Written only by
 * `BotRuntimeStates`; one row per bot, deleted with it (ON DELETE CASCADE).
 */
@Entity({ name: 'bot_runtime_states' })
export class BotRuntimeStateEntity {
  @PrimaryColumn('uuid', { name: 'bot_id' })
  botId!: string;

  @Column('text', { name: 'desired_state' })
  desiredState!: DesiredState;

  @Column('text')
  status!: BotStatus;

  @Column('text', { name: 'status_reason', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'timestamptz', name: 'status_changed_at', precision: 3 })
  statusChangedAt!: Date;

  /** The worker that reported the status, while the bot runs (null once it stopped). */
  @Column('text', { name: 'worker_id', nullable: true })
  workerId!: string | null;

  /** When a restart was last requested; the owning worker restarts once per request. */
  @Column({ type: 'timestamptz', name: 'restart_requested_at', precision: 3, nullable: true })
  restartRequestedAt!: Date | null;

  /** Consecutive times the bot ended in `error` without an operator asking again. */
  @Column('integer', { name: 'error_count', default: 0 })
  errorCount!: number;

  /** When a bot in `error` may be claimed again by itself (null: only when asked). */
  @Column({ type: 'timestamptz', name: 'retry_at', precision: 3, nullable: true })
  retryAt!: Date | null;

  /** The shard count the runtime last ran the bot with (null: unsharded). */
  @Column('integer', { name: 'shard_count', nullable: true })
  shardCount!: number | null;

  /** For `auto`: the shard count Discord recommended when last asked. */
  @Column('integer', { name: 'auto_shard_count', nullable: true })
  autoShardCount!: number | null;

  /** For `auto`: when Discord's recommendation was read (a newer restart reads it again). */
  @Column({ type: 'timestamptz', name: 'shards_resolved_at', precision: 3, nullable: true })
  shardsResolvedAt!: Date | null;
}
