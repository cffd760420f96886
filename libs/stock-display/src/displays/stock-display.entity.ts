import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { StockMode } from '../rendering/display-layout';

export const DISPLAY_STATUSES = ['pending', 'live', 'error'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

/**
 * A live stock message (or several, in order) in one Discord channel, kept up to date by the
 * worker that holds the bot's lease. Bot, guild and channel are fixed at creation.
 */
@Entity({ name: 'stock_displays' })
export class StockDisplayEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'bot_id' })
  botId!: string;

  @Column('text', { name: 'guild_id' })
  guildId!: string;

  @Column('text', { name: 'channel_id' })
  channelId!: string;

  @Column('text')
  title!: string;

  /** Empty: every category. */
  @Column('text', { array: true })
  categories!: string[];

  @Column('boolean', { name: 'include_sold_out' })
  includeSoldOut!: boolean;

  @Column('text', { name: 'stock_mode' })
  stockMode!: StockMode;

  @Column('boolean', { name: 'show_prices' })
  showPrices!: boolean;

  @Column('boolean', { name: 'low_stock_marker' })
  lowStockMarker!: boolean;

  @Column('boolean')
  enabled!: boolean;

  /** The Discord messages the display owns, in display order. */
  @Column('text', { name: 'message_ids', array: true })
  messageIds!: string[];

  /** The content hash of each message as last sent, beside `messageIds`. */
  @Column('text', { name: 'message_hashes', array: true })
  messageHashes!: string[];

  @Column('text')
  status!: DisplayStatus;

  /** Discord's JSON error code behind an `error` status (10003, 50001, 50013, …). */
  @Column('integer', { name: 'status_code', nullable: true })
  statusCode!: number | null;

  @Column('text', { name: 'status_reason', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'timestamptz', name: 'last_rendered_at', precision: 3, nullable: true })
  lastRenderedAt!: Date | null;

  /** Hash of the whole rendering last shown in Discord. */
  @Column('text', { name: 'content_hash', nullable: true })
  contentHash!: string | null;

  /** Set by `POST …/refresh`: the next render edits every message even if unchanged. */
  @Column({ type: 'timestamptz', name: 'refresh_requested_at', precision: 3, nullable: true })
  refreshRequestedAt!: Date | null;

  /**
   * Set by a delete: the row stays until the owning worker has removed its messages, so a
   * delete made while the bot is offline still cleans Discord up once it is back.
   */
  @Column({ type: 'timestamptz', name: 'deleted_at', precision: 3, nullable: true })
  deletedAt!: Date | null;

  /**
   * Moves with the configuration only (bumped by the API's update), not with the worker's
   * status and message writes, so an operator's PATCH does not conflict with rendering.
   */
  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
