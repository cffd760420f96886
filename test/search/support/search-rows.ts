import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface SearchRow {
  interactionId?: string;
  botId: string;
  guildId?: string | null;
  channelId?: string | null;
  userId?: string;
  userName?: string | null;
  command: string;
  options?: Record<string, unknown>;
  status: 'started' | 'success' | 'error' | 'timed_out' | 'rate_limited';
  errorCode?: string | null;
  errorMessage?: string | null;
  durationMs?: number | null;
  deferred?: boolean;
  createdAt: Date;
}

/** A fresh snowflake-shaped id (19 digits). */
export function snowflake(): string {
  return `1${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e9)).padStart(9, '0')}`;
}

/** Inserts rows in one statement; returns their interaction ids in order. */
export async function insertSearchRows(db: DataSource, rows: SearchRow[]): Promise<string[]> {
  const ids = rows.map((row) => row.interactionId ?? snowflake());
  const records = rows.map((row, index) => ({
    interaction_id: ids[index],
    bot_id: row.botId,
    guild_id: row.guildId === undefined ? '300000000000000001' : row.guildId,
    channel_id: row.channelId === undefined ? '400000000000000001' : row.channelId,
    user_id: row.userId ?? '200000000000000009',
    user_name: row.userName ?? null,
    command: row.command,
    options: row.options ?? {},
    status: row.status,
    error_code: row.errorCode ?? null,
    error_message: row.errorMessage ?? null,
    duration_ms: row.durationMs === undefined ? 10 : row.durationMs,
    deferred: row.deferred ?? false,
    created_at: row.createdAt.toISOString(),
    finished_at: row.status === 'started' ? null : row.createdAt.toISOString(),
  }));
  await db.query(
    `INSERT INTO command_logs (interaction_id, bot_id, guild_id, channel_id, user_id, user_name,
       command, options, status, error_code, error_message, duration_ms, deferred, created_at,
       finished_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(interaction_id text, bot_id uuid,
       guild_id text, channel_id text, user_id text, user_name text, command text, options jsonb,
       status text, error_code text, error_message text, duration_ms int, deferred boolean,
       created_at timestamptz, finished_at timestamptz)`,
    [JSON.stringify(records)],
  );
  return ids;
}

export const newBotId = () => randomUUID();
