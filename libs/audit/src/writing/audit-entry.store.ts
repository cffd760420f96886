import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditEntry } from '../entries/audit-entry.entity';

/** Where rows go (a fake in unit tests). */
export interface AuditEntrySink {
  /** Inserts `rows`; a row whose id is already stored is skipped, so replays are harmless. */
  insert(rows: AuditEntry[]): Promise<void>;
}

/** Inserts audit rows through `manager`, idempotently (ON CONFLICT (id) DO NOTHING). */
export async function insertEntries(manager: EntityManager, rows: AuditEntry[]): Promise<void> {
  await manager.createQueryBuilder().insert().into(AuditEntry).values(rows).orIgnore().execute();
}

@Injectable()
export class AuditEntryStore implements AuditEntrySink {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(rows: AuditEntry[]): Promise<void> {
    return insertEntries(this.dataSource.manager, rows);
  }
}

/**
 * PostgreSQL refused the values themselves (classes 22 data exception, 23 integrity violation,
 * 54 program limit exceeded): trying again cannot help, but other rows are fine. Anything else
 * (a lost connection, a pool timeout, a missing table) is worth retrying later.
 */
export function isDataError(error: unknown): boolean {
  return /^(22|23|54)/.test(errorCode(error) ?? '');
}

/** The driver's error behind a QueryFailedError (which also holds the SQL and parameters). */
function driverErrorOf(error: unknown): unknown {
  return error instanceof QueryFailedError ? (error.driverError as unknown) : error;
}

export function errorCode(error: unknown): string | undefined {
  const source = driverErrorOf(error);
  const code = (source as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What may be logged of a database error: its code and message. A QueryFailedError also
 * carries the SQL and its parameters (other entries' change sets), which never reach a log.
 */
export function loggableError(error: unknown): { code?: string; message: string } {
  const source = driverErrorOf(error);
  const message = (source as { message?: unknown } | null | undefined)?.message;
  return { code: errorCode(error), message: typeof message === 'string' ? message : 'unknown' };
}

export interface PersistOutcome {
  /** Rows now stored (or already stored: replays are skipped). */
  written: number;
  /** Of those, rows stored without their change set. */
  degraded: number;
  /** Rows the database refused even without their change set. */
  refused: number;
  /** Rows not attempted or not stored because PostgreSQL could not be reached. */
  unreachable: AuditEntry[];
  /** Why they were not (for the outage log). */
  error?: unknown;
}

/**
 * Stores `rows` in one statement; if the database refuses the data, row by row, so one bad row
 * never takes the others with it. A row refused on its own is stored again without its change
 * set (the who/what/when survives); only if that is refused too is it lost, and counted.
 */
export async function persist(
  sink: AuditEntrySink,
  rows: AuditEntry[],
  logger: Logger,
): Promise<PersistOutcome> {
  const outcome: PersistOutcome = { written: 0, degraded: 0, refused: 0, unreachable: [] };
  if (rows.length === 0) return outcome;
  try {
    await sink.insert(rows);
    outcome.written = rows.length;
    return outcome;
  } catch (error) {
    if (!isDataError(error)) return { ...outcome, unreachable: rows, error };
  }
  for (const [index, row] of rows.entries()) {
    try {
      await sink.insert([row]);
      outcome.written += 1;
      continue;
    } catch (error) {
      if (!isDataError(error)) return { ...outcome, unreachable: rows.slice(index), error };
      logger.warn(
        { db: loggableError(error), requestId: row.requestId },
        'Audit entry refused; storing it without its change set',
      );
    }
    try {
      await sink.insert([withoutChangeSet(row)]);
      outcome.written += 1;
      outcome.degraded += 1;
    } catch (error) {
      if (!isDataError(error)) return { ...outcome, unreachable: rows.slice(index), error };
      outcome.refused += 1;
      logger.error(
        { db: loggableError(error), requestId: row.requestId },
        'Audit entry refused even without its change set; lost',
      );
    }
  }
  return outcome;
}

function withoutChangeSet(row: AuditEntry): AuditEntry {
  return Object.assign(new AuditEntry(), row, {
    before: null,
    after: { unstorable: 'the database refused this change set' },
  });
}
