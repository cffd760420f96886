import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const LIFECYCLE_KINDS = ['start', 'stop', 'restart'] as const;
export type LifecycleKind = (typeof LIFECYCLE_KINDS)[number];

/** Lifecycle kinds keep their items here; `message` items live in the messaging lib. */
export const BULK_KINDS = [...LIFECYCLE_KINDS, 'message'] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

/** `cancelled`: stopped on request; what had not been done by then failed as cancelled. */
export const OPERATION_STATUSES = ['pending', 'running', 'completed', 'cancelled'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const ITEM_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** How the caller picked the bots: explicit ids, or every bot carrying any of the tags. */
export type BotSelection = { botIds: string[] } | { tags: string[] };

/**
 * What the request targeted. Lifecycle operations pick bots; message operations also name
 * channels (or every text channel each bot can send to), or list `targets` explicitly (only
 * their count is kept here; the targets are the items).
 */
export type BulkSelection =
  | BotSelection
  | {
      botIds?: string[];
      tags?: string[];
      channelIds?: string[];
      everyTextChannel?: boolean;
      targets?: number;
    };

/**
 * One bulk lifecycle request. The counters are only ever changed by single SQL statements
 * (see `BulkOperationsRepository`), so concurrent jobs never lose an increment.
 */
@Entity({ name: 'bulk_operations' })
export class BulkOperationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: BulkKind;

  @Column('text')
  status!: OperationStatus;

  @Column('jsonb')
  selection!: BulkSelection;

  @Column('integer')
  total!: number;

  @Column('integer')
  pending!: number;

  @Column('integer')
  succeeded!: number;

  @Column('integer')
  failed!: number;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  @Column('text', { name: 'request_hash', nullable: true })
  requestHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true })
  completedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

@Entity({ name: 'bulk_operation_items' })
export class BulkOperationItemEntity {
  @PrimaryColumn('uuid', { name: 'operation_id' })
  operationId!: string;

  @PrimaryColumn('uuid', { name: 'bot_id' })
  botId!: string;

  /** Order of the bot in the request (or in the tag match), for a stable result list. */
  @Column('integer')
  position!: number;

  @Column('text')
  status!: ItemStatus;

  @Column('text', { name: 'error_code', nullable: true })
  errorCode!: string | null;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true })
  finishedAt!: Date | null;
}
