import type { CommandStatus } from '../logs/command-log.entity';

/**
 * One event of an interaction's life, as queued for the log writer. The start and the end
 * both carry the whole record, so whichever reaches the database first makes a complete row.
 */
export interface CommandLogRecord {
  interactionId: string;
  botId: string;
  guildId: string | null;
  channelId: string | null;
  userId: string;
  /** The Discord user's name when the interaction arrived (searchable). */
  userName?: string | null;
  command: string;
  options: Record<string, unknown>;
  status: CommandStatus;
  errorCode: string | null;
  /** What went wrong, in words, beside `errorCode` (searchable). */
  errorMessage?: string | null;
  durationMs: number | null;
  deferred: boolean;
  /** ISO-8601: when the interaction reached the bot. */
  createdAt: string;
  /** ISO-8601, null while the command runs. */
  finishedAt: string | null;
}

/**
 * Folds a batch to one record per interaction, because one upsert statement may not touch a
 * row twice. An ending beats a start whatever their order (a claimed-back start can arrive
 * after its end); between two endings the first one queued wins, as in the database.
 */
export function mergeBatch(records: readonly CommandLogRecord[]): CommandLogRecord[] {
  const merged = new Map<string, CommandLogRecord>();
  for (const record of records) {
    const existing = merged.get(record.interactionId);
    if (!existing || (existing.status === 'started' && record.status !== 'started')) {
      merged.set(record.interactionId, record);
    }
  }
  return [...merged.values()];
}

/** Parses a queued entry; anything malformed is refused so it cannot poison a batch. */
export function parseRecord(raw: string): CommandLogRecord | null {
  try {
    const value = JSON.parse(raw) as Partial<CommandLogRecord>;
    if (
      typeof value.interactionId !== 'string' ||
      typeof value.botId !== 'string' ||
      typeof value.userId !== 'string' ||
      typeof value.command !== 'string' ||
      typeof value.status !== 'string' ||
      typeof value.createdAt !== 'string'
    ) {
      return null;
    }
    return value as CommandLogRecord;
  } catch {
    return null;
  }
}
