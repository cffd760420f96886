import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CommandLogRecord } from './command-log-record';

const COLUMNS = `
  interaction_id text, bot_id uuid, guild_id text, channel_id text, user_id text, command text,
  options jsonb, status text, error_code text, duration_ms integer, deferred boolean,
  created_at timestamptz, finished_at timestamptz`;

/**
 * Writes merged batches with one statement. The upsert only ever moves a row forward
 * (`started` → an outcome), so replaying a batch after a crash changes nothing, and
 * RETURNING names exactly the rows this call moved: those, and only those, are announced.
 */
@Injectable()
export class CommandLogStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the interaction ids whose final outcome this call stored. */
  async upsert(records: readonly CommandLogRecord[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const rows = records.map((record) => ({
      interaction_id: record.interactionId,
      bot_id: record.botId,
      guild_id: record.guildId,
      channel_id: record.channelId,
      user_id: record.userId,
      command: record.command,
      options: record.options ?? {},
      status: record.status,
      error_code: record.errorCode,
      duration_ms: record.durationMs,
      deferred: record.deferred ?? false,
      created_at: record.createdAt,
      finished_at: record.finishedAt,
    }));
    const result: { interaction_id: string; status: string }[] = await this.dataSource.query(
      `INSERT INTO command_logs (interaction_id, bot_id, guild_id, channel_id, user_id, command,
         options, status, error_code, duration_ms, deferred, created_at, finished_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS})
       ON CONFLICT (interaction_id) DO UPDATE SET
         status = EXCLUDED.status,
         error_code = EXCLUDED.error_code,
         duration_ms = EXCLUDED.duration_ms,
         deferred = EXCLUDED.deferred,
         finished_at = EXCLUDED.finished_at
       WHERE command_logs.status = 'started' AND EXCLUDED.status <> 'started'
       RETURNING interaction_id, status`,
      [JSON.stringify(rows)],
    );
    return new Set(result.filter((row) => row.status !== 'started').map((r) => r.interaction_id));
  }
}
