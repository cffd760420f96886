import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface BotHit {
  id: string;
  name: string;
  tags: string[];
  botUsername: string | null;
}

/**
 * What of the bots the search box may find: name, Discord user name, description and tags, by
 * whole words
 * (the same `simple` full-text config as every other door). Fleets are thousands of bots, not
 * millions, so the document is computed per row rather than stored and indexed.
 */
@Injectable()
export class BotSearch {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `text` is a query already checked by core's `parseWebSearch`. */
  async hits(
    text: string,
    limit: number,
    countCap: number,
  ): Promise<{ count: number; capped: boolean; items: BotHit[] }> {
    const rows = await this.dataSource.query<(BotHit & { total: number })[]>(
      `WITH matched AS (
         SELECT id, name, tags, bot_username AS "botUsername" FROM bots
          WHERE to_tsvector('simple', name || ' ' || coalesce(bot_username, '') || ' '
                  || description || ' ' || array_to_string(tags, ' '))
                @@ websearch_to_tsquery('simple', $1)
          LIMIT $3
       )
       SELECT *, (SELECT count(*)::int FROM matched) AS total FROM matched
        ORDER BY name, id LIMIT $2`,
      [text, limit, countCap + 1],
    );
    const total = rows[0]?.total ?? 0;
    return {
      count: Math.min(total, countCap),
      capped: total > countCap,
      items: rows.map(({ id, name, tags, botUsername }) => ({ id, name, tags, botUsername })),
    };
  }
}
