import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { commandLogsConfig, type CommandLogsConfig } from '../command-logs.config';

const DAY_MS = 24 * 60 * 60 * 1000;
const PARTITION = /^command_logs_p(\d{4})(\d{2})(\d{2})$/;
/** How long a DETACH may wait for its lock before it steps aside and tries again. */
const LOCK_TIMEOUT_MS = 200;
const DETACH_ATTEMPTS = 10;
/** Rows deleted per statement from the default partition. */
const DEFAULT_BATCH = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export interface PartitionRun {
  created: string[];
  dropped: string[];
  /** Rows older than the retention removed from the default partition. */
  deletedFromDefault: number;
}

/**
 * Keeps `command_logs` partitions: days ahead created (so writes land in a day partition, not
 * the default one), days past COMMAND_LOG_RETENTION_DAYS detached and dropped whole.
 *
 * A partition leaves the table by DETACH, which needs the table's strongest lock for an
 * instant. The lock_timeout keeps that instant short: if a long query holds the table, the
 * DETACH gives up after 200 ms (during which the writer's INSERT queues behind it) and tries
 * again later, instead of holding every writer behind it. The DROP that follows touches only
 * the detached table.
 */
@Injectable()
export class CommandLogPartitions {
  private readonly logger = new Logger(CommandLogPartitions.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(commandLogsConfig.KEY) private readonly config: CommandLogsConfig,
  ) {}

  async maintain(now = Date.now()): Promise<PartitionRun> {
    const created = await this.createAhead(now);
    const cutoff = now - this.config.retentionDays * DAY_MS;
    const dropped = await this.dropBefore(cutoff);
    const deletedFromDefault = await this.trimDefault(cutoff);
    if (created.length || dropped.length || deletedFromDefault) {
      this.logger.log({ created, dropped, deletedFromDefault }, 'Command log partitions kept');
    }
    return { created, dropped, deletedFromDefault };
  }

  /** Yesterday through `partitionsAheadDays` from now (yesterday: a clock a little behind). */
  private async createAhead(now: number): Promise<string[]> {
    const created: string[] = [];
    for (let offset = -1; offset <= this.config.partitionsAheadDays; offset += 1) {
      const day = utcDay(now + offset * DAY_MS);
      const [row] = await this.dataSource.query<{ created: boolean }[]>(
        `SELECT command_logs_add_partition($1::date) AS created`,
        [day],
      );
      if (row?.created) created.push(`command_logs_p${day.replaceAll('-', '')}`);
    }
    return created;
  }

  /** Day partitions whose whole day ends at or before `cutoff`. */
  async expired(cutoff: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ name: string }[]>(
      `SELECT child.relname AS name FROM pg_inherits
         JOIN pg_class child ON child.oid = pg_inherits.inhrelid
        WHERE pg_inherits.inhparent = 'command_logs'::regclass`,
    );
    return rows
      .map((row) => row.name)
      .filter((name) => {
        const match = PARTITION.exec(name);
        if (!match) return false;
        const end = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + DAY_MS;
        return end <= cutoff;
      })
      .sort();
  }

  private async dropBefore(cutoff: number): Promise<string[]> {
    const dropped: string[] = [];
    for (const name of await this.expired(cutoff)) {
      if (await this.detach(name)) {
        await this.dataSource.query(`DROP TABLE IF EXISTS "${name}"`);
        dropped.push(name);
      }
    }
    return dropped;
  }

  private async detach(name: string): Promise<boolean> {
    for (let attempt = 1; attempt <= DETACH_ATTEMPTS; attempt += 1) {
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT_MS}ms'`);
          await manager.query(`ALTER TABLE command_logs DETACH PARTITION "${name}"`);
        });
        return true;
      } catch (error) {
        // 55P03 lock_not_available: someone holds the table; let them finish, then retry.
        if ((error as { driverError?: { code?: string } }).driverError?.code !== '55P03') {
          throw error;
        }
        await sleep(attempt * 250);
      }
    }
    this.logger.warn({ partition: name }, 'Could not detach an expired partition; next run');
    return false;
  }

  /** Rows the default partition caught for days long gone, deleted in small batches. */
  private async trimDefault(cutoff: number): Promise<number> {
    let total = 0;
    for (;;) {
      const [, count] = await this.dataSource.query<[unknown, number]>(
        `DELETE FROM command_logs_default WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM command_logs_default WHERE created_at < $1 LIMIT ${DEFAULT_BATCH}))`,
        [new Date(cutoff)],
      );
      total += count;
      if (count < DEFAULT_BATCH) return total;
    }
  }
}
