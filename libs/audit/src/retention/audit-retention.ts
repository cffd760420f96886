import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { auditRetentionConfig, type AuditRetentionConfig } from './audit-retention.config';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per transaction: short transactions, so the trail's writers never wait long. */
const BATCH = 5_000;

/**
 * Deletes audit entries older than AUDIT_RETENTION_DAYS (never, by default). The trail is
 * append-only in the database; each batch opens the one door its trigger leaves, by setting
 * `botdeck.audit_retention` for its own transaction only.
 */
@Injectable()
export class AuditRetention {
  private readonly logger = new Logger(AuditRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(auditRetentionConfig.KEY) private readonly config: AuditRetentionConfig,
  ) {}

  /** Returns how many entries were deleted. */
  async apply(now = Date.now()): Promise<number> {
    if (this.config.retentionDays === 0) return 0;
    const cutoff = new Date(now - this.config.retentionDays * DAY_MS);
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL botdeck.audit_retention = 'on'`);
        const [, deleted] = await manager.query<[unknown, number]>(
          `DELETE FROM audit_entries WHERE id = ANY(ARRAY(
             SELECT id FROM audit_entries WHERE created_at < $1
              ORDER BY created_at LIMIT ${BATCH}))`,
          [cutoff],
        );
        return deleted;
      });
      total += count;
      if (count < BATCH) break;
    }
    if (total > 0) this.logger.log({ deleted: total }, 'Audit entries past retention deleted');
    return total;
  }
}
