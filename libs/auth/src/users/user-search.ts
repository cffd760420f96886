import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface UserHit {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
}

/**
 * What of the users the search box may find (for admins only: the caller decides): email and
 * role, by whole words. An email is one word to the `simple` parser, and so are its parts.
 */
@Injectable()
export class UserSearch {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `text` is a query already checked by core's `parseWebSearch`. */
  async hits(
    text: string,
    limit: number,
    countCap: number,
  ): Promise<{ count: number; capped: boolean; items: UserHit[] }> {
    const rows = await this.dataSource.query<(UserHit & { total: number })[]>(
      `WITH matched AS (
         SELECT id, email, role, disabled FROM users
          WHERE to_tsvector('simple', email || ' ' || replace(replace(email, '@', ' '), '.', ' ')
                  || ' ' || role) @@ websearch_to_tsquery('simple', $1)
          LIMIT $3
       )
       SELECT *, (SELECT count(*)::int FROM matched) AS total FROM matched
        ORDER BY email, id LIMIT $2`,
      [text, limit, countCap + 1],
    );
    const total = rows[0]?.total ?? 0;
    return {
      count: Math.min(total, countCap),
      capped: total > countCap,
      items: rows.map(({ id, email, role, disabled }) => ({ id, email, role, disabled })),
    };
  }
}
