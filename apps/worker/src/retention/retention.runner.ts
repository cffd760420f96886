import { AuditRetention } from '@botdeck/audit';
import { CommandLogPartitions, type PartitionRun } from '@botdeck/commands';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** An arbitrary, fixed key: the advisory lock only retention runs take. */
const RETENTION_LOCK = 7_340_012;

export interface RetentionRun {
  /** False when another worker was already running it (this one did nothing). */
  ran: boolean;
  partitions?: PartitionRun;
  auditDeleted?: number;
}

/**
 * One retention pass, in one worker at a time. BullMQ hands each scheduled run to one
 * worker, but a slow run could overlap the next one elsewhere; a PostgreSQL advisory lock,
 * held by its own connection for the run, makes the second one step aside.
 */
@Injectable()
export class RetentionRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partitions: CommandLogPartitions,
    private readonly audit: AuditRetention,
  ) {}

  async run(now = Date.now()): Promise<RetentionRun> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [row] = (await lock.query(`SELECT pg_try_advisory_lock($1) AS locked`, [
        RETENTION_LOCK,
      ])) as { locked: boolean }[];
      if (!row?.locked) return { ran: false };
      try {
        const partitions = await this.partitions.maintain(now);
        const auditDeleted = await this.audit.apply(now);
        return { ran: true, partitions, auditDeleted };
      } finally {
        await lock.query(`SELECT pg_advisory_unlock($1)`, [RETENTION_LOCK]);
      }
    } finally {
      await lock.release();
    }
  }
}
