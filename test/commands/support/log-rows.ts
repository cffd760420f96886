import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface LogRow {
  interactionId?: string;
  botId: string;
  userId?: string;
  command: string;
  status: 'started' | 'success' | 'error' | 'timed_out' | 'rate_limited';
  durationMs?: number | null;
  createdAt: Date;
}

/** A fresh snowflake-shaped id (19 digits), unique enough for one test run. */
export function snowflake(): string {
  return `1${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e9)).padStart(9, '0')}`;
}

/** Inserts known rows directly, for the read side's tests. */
export async function insertLogs(dataSource: DataSource, rows: LogRow[]): Promise<string[]> {
  const ids = rows.map((row) => row.interactionId ?? snowflake());
  for (const [index, row] of rows.entries()) {
    await dataSource.query(
      `INSERT INTO command_logs (interaction_id, bot_id, guild_id, channel_id, user_id, command,
         options, status, error_code, duration_ms, created_at, finished_at)
       VALUES ($1, $2, '10', '11', $3, $4, '{}', $5, $6, $7, $8, $9)`,
      [
        ids[index],
        row.botId,
        row.userId ?? '200000000000000009',
        row.command,
        row.status,
        row.status === 'success' || row.status === 'started' ? null : 'TEST_CODE',
        row.durationMs ?? null,
        row.createdAt,
        row.status === 'started' ? null : row.createdAt,
      ],
    );
  }
  return ids;
}

export const newBotId = () => randomUUID();
