import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@botdeck/core';
import type { BulkKind } from './bulk-operation.entity';

export interface BulkItemTotal {
  kind: BulkKind;
  status: 'pending' | 'succeeded' | 'failed';
  count: number;
}

/**
 * Items of every bulk operation so far, by kind and outcome, summed from the operations'
 * own counters (one row per operation, never a scan of the items).
 */
@Injectable()
export class BulkItemTotals {
  constructor(private readonly uow: UnitOfWork) {}

  async totals(): Promise<BulkItemTotal[]> {
    const rows = await this.uow.manager.query<
      Array<{ kind: BulkKind; pending: string; succeeded: string; failed: string }>
    >(
      `SELECT kind, sum(pending) AS pending, sum(succeeded) AS succeeded, sum(failed) AS failed
         FROM bulk_operations GROUP BY kind ORDER BY kind`,
    );
    return rows.flatMap((row) =>
      (['pending', 'succeeded', 'failed'] as const).map((status) => ({
        kind: row.kind,
        status,
        count: Number(row[status]),
      })),
    );
  }
}
