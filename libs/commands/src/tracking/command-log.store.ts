import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import type { CommandLogRecord } from './command-log-record';

/** The columns the writer fills, in COPY order. */
export const COMMAND_LOG_COLUMNS = [
  'interaction_id',
  'bot_id',
  'guild_id',
  'channel_id',
  'user_id',
  'user_name',
  'command',
  'options',
  'status',
  'error_code',
  'error_message',
  'duration_ms',
  'deferred',
  'created_at',
  'finished_at',
] as const;

const COLUMN_LIST = COMMAND_LOG_COLUMNS.join(', ');

// One per connection, emptied at each commit: COPY needs a table, and a temporary one is
// neither WAL-logged nor visible to anyone else.
const STAGING = `
  CREATE TEMP TABLE IF NOT EXISTS command_logs_staging (
    interaction_id text, bot_id uuid, guild_id text, channel_id text, user_id text,
    user_name text, command text, options jsonb, status text, error_code text,
    error_message text, duration_ms integer, deferred boolean, created_at timestamptz,
    finished_at timestamptz
  ) ON COMMIT DELETE ROWS`;

/**
 * The upsert only ever moves a row forward (`started` → an outcome), so replaying a batch
 * after a crash changes nothing, and RETURNING names exactly the rows this call moved. The
 * conflict target holds the partition key: both records of an interaction carry the same
 * `created_at`, so the end always meets its start, whatever the day's partition.
 */
const UPSERT = `
  INSERT INTO command_logs (${COLUMN_LIST})
  SELECT ${COLUMN_LIST} FROM command_logs_staging
  ON CONFLICT (interaction_id, created_at) DO UPDATE SET
    status = EXCLUDED.status,
    error_code = EXCLUDED.error_code,
    error_message = EXCLUDED.error_message,
    duration_ms = EXCLUDED.duration_ms,
    deferred = EXCLUDED.deferred,
    finished_at = EXCLUDED.finished_at
  WHERE command_logs.status = 'started' AND EXCLUDED.status <> 'started'
  RETURNING interaction_id, status`;

/** A value in COPY's text format: `\N` for null, and the four characters it escapes. */
function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\n\r\t]/g, (char) =>
    char === '\\' ? '\\\\' : char === '\n' ? '\\n' : char === '\r' ? '\\r' : '\\t',
  );
}

/** The batch as COPY text, one line per record. */
export function toCopyText(records: readonly CommandLogRecord[]): string {
  let text = '';
  for (const record of records) {
    text +=
      [
        record.interactionId,
        record.botId,
        record.guildId,
        record.channelId,
        record.userId,
        record.userName ?? null,
        record.command,
        JSON.stringify(record.options ?? {}),
        record.status,
        record.errorCode,
        record.errorMessage ?? null,
        record.durationMs,
        record.deferred ?? false,
        record.createdAt,
        record.finishedAt,
      ]
        .map(copyField)
        .join('\t') + '\n';
  }
  return text;
}

/**
 * Writes merged batches: COPY into a staging table, then one INSERT … SELECT … ON CONFLICT.
 * COPY parses rows far faster than a statement with thousands of parameters (or a JSON
 * document to unpack), which is what puts the writer near a bare COPY (see bench:search).
 */
@Injectable()
export class CommandLogStore {
  /** Pooled connections whose staging table exists (committed), so it is made once each. */
  private readonly staged = new WeakSet<PoolClient>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the interaction ids whose final outcome this call stored. */
  async upsert(records: readonly CommandLogRecord[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const rows = await this.write(client, records).catch(async (error: Error) => {
        // A refused row leaves the transaction to roll back; a dead link, the connection.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      });
      return new Set(rows.filter((row) => row.status !== 'started').map((r) => r.interaction_id));
    } finally {
      client.release(broken);
    }
  }

  private async write(
    client: PoolClient,
    records: readonly CommandLogRecord[],
  ): Promise<{ interaction_id: string; status: string }[]> {
    await client.query('BEGIN');
    const creates = !this.staged.has(client);
    if (creates) await client.query(STAGING);
    await pipeline(
      Readable.from([toCopyText(records)]),
      client.query(copyFrom(`COPY command_logs_staging (${COLUMN_LIST}) FROM STDIN`)),
    );
    const result = await client.query<{ interaction_id: string; status: string }>(UPSERT);
    await client.query('COMMIT');
    // Only once committed: a rolled-back batch takes the new staging table with it.
    if (creates) this.staged.add(client);
    return result.rows;
  }
}
