import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface AuditHit {
  id: string;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: string;
  createdAt: string;
}

/** What of the audit trail the search box may find (for admins: the caller decides). */
@Injectable()
export class AuditSearch {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest matches of `text` (checked by core's `parseWebSearch`), and a capped count. */
  async hits(
    text: string,
    limit: number,
    countCap: number,
  ): Promise<{ count: number; capped: boolean; items: AuditHit[] }> {
    const [rows, [counted]] = await Promise.all([
      this.dataSource.query<
        {
          id: string;
          action: string;
          resource_type: string | null;
          resource_id: string | null;
          outcome: string;
          created_at: Date;
        }[]
      >(
        `SELECT id, action, resource_type, resource_id, outcome, created_at FROM audit_entries
          WHERE search @@ websearch_to_tsquery('simple', $1)
          ORDER BY created_at DESC, id DESC LIMIT $2`,
        [text, limit],
      ),
      this.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM (SELECT 1 FROM audit_entries
          WHERE search @@ websearch_to_tsquery('simple', $1) LIMIT $2) AS capped`,
        [text, countCap + 1],
      ),
    ]);
    const count = counted?.count ?? 0;
    return {
      count: Math.min(count, countCap),
      capped: count > countCap,
      items: rows.map((row) => ({
        id: row.id,
        action: row.action,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        outcome: row.outcome,
        createdAt: row.created_at.toISOString(),
      })),
    };
  }
}
