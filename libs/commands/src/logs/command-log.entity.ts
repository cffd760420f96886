import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Final outcomes of an interaction; `started` only while it runs. */
export const COMMAND_OUTCOMES = ['success', 'error', 'timed_out', 'rate_limited'] as const;
export type CommandOutcome = (typeof COMMAND_OUTCOMES)[number];
export type CommandStatus = 'started' | CommandOutcome;

/** What `/logs/failed` lists: everything that did not end in `success`. */
export const FAILED_OUTCOMES: readonly CommandOutcome[] = ['error', 'timed_out', 'rate_limited'];

/**
 * One slash-command interaction, from start to end, keyed by Discord's interaction id. The
 * table is partitioned by day on `created_at`, so its primary key is `(interaction_id,
 * created_at)`; an interaction keeps the `created_at` of its start for ever.
 */
@Entity({ name: 'command_logs' })
export class CommandLogEntity {
  /** The interaction id (named `id` so the shared keyset pagination applies). */
  @PrimaryColumn('text', { name: 'interaction_id' })
  id!: string;

  @Column('uuid', { name: 'bot_id' })
  botId!: string;

  @Column('text', { name: 'guild_id', nullable: true })
  guildId!: string | null;

  @Column('text', { name: 'channel_id', nullable: true })
  channelId!: string | null;

  @Column('text', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'user_name', nullable: true })
  userName?: string | null;

  @Column('text')
  command!: string;

  @Column('jsonb')
  options!: Record<string, unknown>;

  @Column('text')
  status!: CommandStatus;

  @Column('text', { name: 'error_code', nullable: true })
  errorCode!: string | null;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage?: string | null;

  @Column('integer', { name: 'duration_ms', nullable: true })
  durationMs!: number | null;

  @Column('boolean')
  deferred!: boolean;

  /** When the interaction reached the bot (the keyset for the log lists). */
  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'finished_at', precision: 3, nullable: true })
  finishedAt!: Date | null;
}
