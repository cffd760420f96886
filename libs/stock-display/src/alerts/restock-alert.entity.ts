import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RESTOCK_ALERT_STATUSES = ['posted', 'failed'] as const;
export type RestockAlertStatus = (typeof RESTOCK_ALERT_STATUSES)[number];

/** One restock alert a bot posted (or tried to post) for a product: the alert's record. */
@Entity({ name: 'restock_alerts' })
export class RestockAlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('uuid', { name: 'bot_id' })
  botId!: string;

  @Column('text', { name: 'channel_id' })
  channelId!: string;

  @Column('text', { name: 'role_id' })
  roleId!: string;

  /** The Discord message, null when posting failed. */
  @Column('text', { name: 'message_id', nullable: true })
  messageId!: string | null;

  /** Stock when the alert went out (null = unlimited). */
  @Column('integer', { name: 'stock_after', nullable: true })
  stockAfter!: number | null;

  @Column('text')
  status!: RestockAlertStatus;

  /** Discord's error code when posting failed (50001, 50013, 10003, …). */
  @Column('integer', { name: 'error_code', nullable: true })
  errorCode!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
