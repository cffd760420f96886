import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ProductHit {
  id: string;
  sku: string;
  name: string;
  category: string | null;
}

/**
 * What of the catalog the search box may find: name, SKU and category, by whole words (the
 * `simple` full-text config every door shares).
 */
@Injectable()
export class ProductSearch {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `text` is a query already checked by core's `parseWebSearch`. */
  async hits(
    text: string,
    limit: number,
    countCap: number,
  ): Promise<{ count: number; capped: boolean; items: ProductHit[] }> {
    const rows = await this.dataSource.query<(ProductHit & { total: number })[]>(
      `WITH matched AS (
         SELECT id, sku, name, category FROM products
          WHERE to_tsvector('simple', name || ' ' || sku || ' ' || coalesce(category, ''))
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
      items: rows.map(({ id, sku, name, category }) => ({ id, sku, name, category })),
    };
  }
}
