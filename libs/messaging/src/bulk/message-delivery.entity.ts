import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DiscordMessage } from '../messages/discord-message';

export const DELIVERY_STATUSES = ['pending', 'sending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The message of a `message` operation, and when it may go out. */
@Entity({ name: 'bulk_messages' })
export class BulkMessageEntity {
  @PrimaryColumn('uuid', { name: 'operation_id' })
  operationId!: string;

  @Column('jsonb')
  message!: DiscordMessage;

  @Column({ name: 'send_at', type: 'timestamptz', precision: 3, nullable: true })
  sendAt!: Date | null;

  /** Set when senders may take its deliveries: at once, or when its scheduled job fires. */
  @Column({ name: 'released_at', type: 'timestamptz', precision: 3, nullable: true })
  releasedAt!: Date | null;
}

/**
 * One target of a message operation. `sending` is claimed by the worker holding the bot; a
 * delivery found `sending` by the bot's next holder is sent again with the same nonce, which
 * Discord answers with the message already created. A null channel stands for "every text
 * channel the bot can send to", replaced by one delivery per channel by the bot's holder.
 */
@Entity({ name: 'message_deliveries' })
export class MessageDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'operation_id' })
  operationId!: string;

  @Column('integer')
  position!: number;

  @Column('uuid', { name: 'bot_id' })
  botId!: string;

  @Column('text', { name: 'channel_id', nullable: true })
  channelId!: string | null;

  @Column('text')
  status!: DeliveryStatus;

  @Column('integer')
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', precision: 3 })
  nextAttemptAt!: Date;

  @Column('text', { name: 'claimed_by', nullable: true })
  claimedBy!: string | null;

  @Column('text', { name: 'message_id', nullable: true })
  messageId!: string | null;

  @Column('text', { name: 'error_code', nullable: true })
  errorCode!: string | null;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true })
  finishedAt!: Date | null;
}
