import {
  type BulkItemDto,
  decodeItemCursor,
  DEFAULT_ITEMS_PAGE,
  encodeItemCursor,
  type ItemsPageQuery,
} from '@botdeck/bulk-operations';
import { type Page, UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DiscordMessage } from '../messages/discord-message';
import { BulkMessageEntity, type DeliveryStatus } from './message-delivery.entity';

/** One target as written: a channel, or null for every text channel the bot can send to. */
export interface NewDelivery {
  botId: string;
  channelId: string | null;
  /** Set when the target fails at once (an unknown bot). */
  failure?: { code: string; message: string };
}

/** A delivery a sender has claimed, with what it sends. */
export interface ClaimedDelivery {
  id: string;
  operationId: string;
  botId: string;
  channelId: string | null;
  attempts: number;
  message: DiscordMessage;
}

/** How a delivery ended. */
export type DeliveryResult =
  | { status: 'succeeded'; messageId: string }
  | { status: 'failed'; errorCode: string; errorMessage: string };

/** A delivery that finished, for counting it on its operation. */
export interface FinishedDelivery {
  operationId: string;
  botId: string;
  channelId: string | null;
}

interface DeliveryRow {
  id: string;
  position: number;
  bot_id: string;
  channel_id: string | null;
  status: DeliveryStatus;
  message_id: string | null;
  error_code: string | null;
  error_message: string | null;
  finished_at: Date | null;
}

/**
 * SQL for message deliveries. Every move of a delivery is one guarded statement (a delivery
 * leaves `sending` once), so a duplicate job, a sweep and a sender racing never count twice.
 */
@Injectable()
export class MessageDeliveriesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The message and all its deliveries (up to 10 000, one statement), in the caller's transaction. */
  async insert(
    manager: EntityManager,
    input: {
      operationId: string;
      message: DiscordMessage;
      sendAt: Date | null;
      deliveries: NewDelivery[];
    },
  ): Promise<void> {
    await manager.insert(BulkMessageEntity, {
      operationId: input.operationId,
      message: input.message,
      sendAt: input.sendAt,
      releasedAt: input.sendAt ? null : new Date(),
    });
    const { deliveries } = input;
    await manager.query(
      `INSERT INTO message_deliveries
         (id, operation_id, position, bot_id, channel_id, status, error_code, error_message,
          finished_at)
       SELECT id, $1, position, bot_id, channel_id,
              CASE WHEN error_code IS NULL THEN 'pending' ELSE 'failed' END,
              error_code, error_message,
              CASE WHEN error_code IS NULL THEN NULL ELSE now() END
         FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[])
           AS t(id, position, bot_id, channel_id, error_code, error_message)`,
      [
        input.operationId,
        deliveries.map(() => randomUUID()),
        deliveries.map((_, position) => position),
        deliveries.map((delivery) => delivery.botId),
        deliveries.map((delivery) => delivery.channelId),
        deliveries.map((delivery) => delivery.failure?.code ?? null),
        deliveries.map((delivery) => delivery.failure?.message ?? null),
      ],
    );
  }

  /** One page of an operation's results, keyset-paged on (position, id). */
  async page(operationId: string, page: ItemsPageQuery): Promise<Page<BulkItemDto>> {
    const limit = page.limit ?? DEFAULT_ITEMS_PAGE;
    const after = page.cursor ? decodeItemCursor(page.cursor) : null;
    const rows = await this.uow.manager.query<DeliveryRow[]>(
      `SELECT id, position, bot_id, channel_id, status, message_id, error_code, error_message,
              finished_at
         FROM message_deliveries
        WHERE operation_id = $1
          AND ($2::int IS NULL OR (position, id) > ($2, $3::uuid))
        ORDER BY position, id
        LIMIT $4`,
      [operationId, after?.position ?? null, after?.id ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => ({
        botId: row.bot_id,
        channelId: row.channel_id,
        // `sending` is an internal step: to a reader the target is still pending.
        status: row.status === 'sending' ? 'pending' : row.status,
        messageId: row.message_id,
        errorCode: row.error_code,
        errorMessage: row.error_message,
        finishedAt: row.finished_at?.toISOString() ?? null,
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeItemCursor({ position: last.position, id: last.id })
          : null,
    };
  }

  /** Lets senders take an operation's deliveries; false when it was released (or cancelled) already. */
  async release(operationId: string): Promise<boolean> {
    const [, count] = await this.uow.manager.query<[unknown, number]>(
      `UPDATE bulk_messages m SET released_at = now()
         FROM bulk_operations o
        WHERE m.operation_id = $1 AND o.id = m.operation_id
          AND m.released_at IS NULL AND o.status <> 'cancelled'`,
      [operationId],
    );
    return count > 0;
  }

  /** Scheduled operations whose time passed `graceMs` ago without their job releasing them. */
  async overdue(graceMs: number): Promise<string[]> {
    const rows = await this.uow.manager.query<Array<{ operation_id: string }>>(
      `SELECT operation_id FROM bulk_messages
        WHERE released_at IS NULL AND send_at < now() - make_interval(secs => $1::float / 1000)
        LIMIT 100`,
      [graceMs],
    );
    return rows.map((row) => row.operation_id);
  }

  /** A new holder of the bot takes over what an earlier holder had claimed and not finished. */
  async reclaim(botId: string, workerId: string): Promise<number> {
    const [, count] = await this.uow.manager.query<[unknown, number]>(
      `UPDATE message_deliveries SET status = 'pending', next_attempt_at = now()
        WHERE bot_id = $1 AND status = 'sending' AND claimed_by IS DISTINCT FROM $2`,
      [botId, workerId],
    );
    return count;
  }

  /** When another worker last finished a delivery of this bot, if within `withinMs`. */
  async lastFinishedElsewhere(
    botId: string,
    workerId: string,
    withinMs: number,
  ): Promise<Date | null> {
    const rows = await this.uow.manager.query<Array<{ at: Date | null }>>(
      `SELECT max(finished_at) AS at FROM message_deliveries
        WHERE bot_id = $1 AND claimed_by IS DISTINCT FROM $2 AND status = 'succeeded'
          AND finished_at > now() - make_interval(secs => $3::float / 1000)`,
      [botId, workerId, withinMs],
    );
    return rows[0]?.at ?? null;
  }

  /** The channels (null: a target still to expand) with a delivery of this bot due now. */
  async dueChannels(botId: string): Promise<(string | null)[]> {
    const rows = await this.uow.manager.query<Array<{ channel_id: string | null }>>(
      `SELECT DISTINCT d.channel_id
         FROM message_deliveries d
         JOIN bulk_messages m ON m.operation_id = d.operation_id
        WHERE d.bot_id = $1 AND d.status = 'pending' AND d.next_attempt_at <= now()
          AND m.released_at IS NOT NULL`,
      [botId],
    );
    return rows.map((row) => row.channel_id);
  }

  /**
   * Claims the next due delivery of this bot into this channel, oldest operation first. Done
   * one at a time just before the send, so a cancel stops every delivery not yet claimed.
   */
  async claim(
    botId: string,
    channelId: string | null,
    workerId: string,
  ): Promise<ClaimedDelivery | null> {
    const rows = await this.uow.manager.query<
      [
        Array<{
          id: string;
          operation_id: string;
          channel_id: string | null;
          attempts: number;
          message: DiscordMessage;
        }>,
        number,
      ]
    >(
      `WITH next AS (
         SELECT d.id FROM message_deliveries d
           JOIN bulk_messages m ON m.operation_id = d.operation_id
          WHERE d.bot_id = $1 AND d.channel_id IS NOT DISTINCT FROM $2
            AND d.status = 'pending' AND d.next_attempt_at <= now()
            AND m.released_at IS NOT NULL
          ORDER BY m.released_at, d.position
          LIMIT 1
          FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE message_deliveries d
          SET status = 'sending', attempts = d.attempts + 1, claimed_by = $3
         FROM next, bulk_messages m
        WHERE d.id = next.id AND m.operation_id = d.operation_id
        RETURNING d.id, d.operation_id, d.channel_id, d.attempts, m.message`,
      [botId, channelId, workerId],
    );
    const row = rows[0][0];
    if (!row) return null;
    return {
      id: row.id,
      operationId: row.operation_id,
      botId,
      channelId: row.channel_id,
      attempts: row.attempts,
      message: row.message,
    };
  }

  /** Finishes a claimed delivery; null when it was not `sending` any more. */
  async finish(
    manager: EntityManager,
    id: string,
    result: DeliveryResult,
  ): Promise<FinishedDelivery | null> {
    const failed = result.status === 'failed' ? result : null;
    const rows = await manager.query<
      [Array<{ operation_id: string; bot_id: string; channel_id: string | null }>, number]
    >(
      `UPDATE message_deliveries
          SET status = $2, message_id = $3, error_code = $4, error_message = $5,
              finished_at = now()
        WHERE id = $1 AND status = 'sending'
        RETURNING operation_id, bot_id, channel_id`,
      [
        id,
        result.status,
        result.status === 'succeeded' ? result.messageId : null,
        failed?.errorCode ?? null,
        failed?.errorMessage.slice(0, 1000) ?? null,
      ],
    );
    const row = rows[0][0];
    return row
      ? { operationId: row.operation_id, botId: row.bot_id, channelId: row.channel_id }
      : null;
  }

  /** Puts a claimed delivery back for another attempt after `delayMs`, noting why. */
  async retryLater(id: string, delayMs: number, reason: string): Promise<void> {
    await this.uow.manager.query(
      `UPDATE message_deliveries
          SET status = 'pending', error_message = $3,
              next_attempt_at = now() + make_interval(secs => $2::float / 1000)
        WHERE id = $1 AND status = 'sending'`,
      [id, delayMs, reason.slice(0, 1000)],
    );
  }

  /**
   * Replaces a claimed "every text channel" target by one pending delivery per channel, at the
   * same position; returns how many it added (0 when it was not `sending` any more).
   */
  async expand(manager: EntityManager, id: string, channelIds: string[]): Promise<number> {
    // An INSERT answers its rows alone (an UPDATE or DELETE answers [rows, count]).
    const rows = await manager.query<Array<{ operation_id: string }>>(
      `WITH gone AS (
         DELETE FROM message_deliveries WHERE id = $1 AND status = 'sending'
         RETURNING operation_id, position, bot_id
       )
       INSERT INTO message_deliveries (id, operation_id, position, bot_id, channel_id)
       SELECT t.id, gone.operation_id, gone.position, gone.bot_id, t.channel_id
         FROM gone, unnest($2::uuid[], $3::text[]) AS t(id, channel_id)
       RETURNING operation_id`,
      [id, channelIds.map(() => randomUUID()), channelIds],
    );
    return rows.length;
  }

  /** Fails what an operation has not claimed yet; returns how many. */
  async failPending(
    manager: EntityManager,
    operationId: string,
    errorCode: string,
    errorMessage: string,
  ): Promise<number> {
    const [, count] = await manager.query<[unknown, number]>(
      `UPDATE message_deliveries
          SET status = 'failed', error_code = $2, error_message = $3, finished_at = now()
        WHERE operation_id = $1 AND status = 'pending'`,
      [operationId, errorCode, errorMessage],
    );
    return count;
  }

  /** Cancelled operations that still hold pending deliveries (put back by a takeover). */
  async cancelledWithPending(): Promise<string[]> {
    const rows = await this.uow.manager.query<Array<{ operation_id: string }>>(
      `SELECT DISTINCT d.operation_id FROM message_deliveries d
         JOIN bulk_operations o ON o.id = d.operation_id
        WHERE d.status = 'pending' AND o.status = 'cancelled'
        LIMIT 100`,
    );
    return rows.map((row) => row.operation_id);
  }

  /** Bots with unfinished deliveries released more than `ageMs` ago. */
  async botsWaitingSince(ageMs: number): Promise<string[]> {
    const rows = await this.uow.manager.query<Array<{ bot_id: string }>>(
      `SELECT DISTINCT d.bot_id FROM message_deliveries d
         JOIN bulk_messages m ON m.operation_id = d.operation_id
        WHERE d.status IN ('pending', 'sending')
          AND m.released_at < now() - make_interval(secs => $1::float / 1000)`,
      [ageMs],
    );
    return rows.map((row) => row.bot_id);
  }

  /** Fails the unfinished deliveries of a bot, per operation; returns the counts. */
  async failOpenOfBot(
    manager: EntityManager,
    botId: string,
    errorCode: string,
    errorMessage: string,
  ): Promise<Map<string, number>> {
    const rows = await manager.query<[Array<{ operation_id: string }>, number]>(
      `UPDATE message_deliveries d
          SET status = 'failed', error_code = $2, error_message = $3, finished_at = now()
         FROM bulk_messages m
        WHERE d.bot_id = $1 AND d.status IN ('pending', 'sending')
          AND m.operation_id = d.operation_id AND m.released_at IS NOT NULL
        RETURNING d.operation_id`,
      [botId, errorCode, errorMessage],
    );
    const counts = new Map<string, number>();
    for (const row of rows[0])
      counts.set(row.operation_id, (counts.get(row.operation_id) ?? 0) + 1);
    return counts;
  }
}
