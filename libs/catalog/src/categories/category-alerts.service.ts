import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { CategoryAlertNotFoundError } from '../catalog.errors';
import { CategoryAlertEntity } from './category-alert.entity';
import type { CategorySummaryDto, SetCategoryAlertDto } from './dto/category-alert.dto';
import { CategoryAlertDto } from './dto/category-alert.dto';

interface SummaryRow {
  category: string;
  products: number;
  alert_category: string | null;
  channel_id: string;
  role_id: string;
  updated_at: Date;
}

/** The most categories the summary lists; a catalog's categories are a short list. */
export const MAX_CATEGORIES_LISTED = 1_000;

/** Per-category restock alert targets, used for products that name none of their own. */
@Injectable()
export class CategoryAlertsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every category with its product count and alert target, by name (ignoring case). */
  async summary(): Promise<CategorySummaryDto[]> {
    const rows = await this.uow.manager.query<SummaryRow[]>(
      `SELECT COALESCE(p.category, a.category) AS category, COALESCE(p.products, 0)::int AS products,
              a.category AS alert_category, a.channel_id, a.role_id, a.updated_at
         FROM (SELECT min(category) AS category, lower(category) AS key, count(*) AS products
                 FROM products WHERE category IS NOT NULL GROUP BY lower(category)) p
         FULL JOIN product_category_alerts a ON lower(a.category) = p.key
        ORDER BY lower(COALESCE(p.category, a.category))
        LIMIT $1`,
      [MAX_CATEGORIES_LISTED],
    );
    return rows.map((row) => ({
      category: row.category,
      products: row.products,
      alert:
        row.alert_category === null
          ? null
          : {
              category: row.alert_category,
              channelId: row.channel_id,
              roleId: row.role_id,
              updatedAt: row.updated_at.toISOString(),
            },
    }));
  }

  /** Sets (or replaces) the category's alert target; returns it with the one it replaced. */
  async set(
    category: string,
    dto: SetCategoryAlertDto,
  ): Promise<{ before: CategoryAlertDto | null; after: CategoryAlertDto }> {
    const before = await this.find(category);
    const [row] = await this.uow.transaction((manager) =>
      manager.query<{ category: string }[]>(
        `INSERT INTO product_category_alerts AS a (category, channel_id, role_id)
         VALUES ($1, $2, $3)
         ON CONFLICT (lower(category)) DO UPDATE
           SET category = EXCLUDED.category, channel_id = EXCLUDED.channel_id,
               role_id = EXCLUDED.role_id, updated_at = now()
         RETURNING category`,
        [category, dto.channelId, dto.roleId],
      ),
    );
    const after = await this.find(row.category);
    return {
      before: before && CategoryAlertDto.from(before),
      after: CategoryAlertDto.from(after!),
    };
  }

  async remove(category: string): Promise<CategoryAlertDto> {
    const alert = await this.find(category);
    if (!alert) throw new CategoryAlertNotFoundError(category);
    await this.uow.getRepository(CategoryAlertEntity).delete({ category: alert.category });
    return CategoryAlertDto.from(alert);
  }

  private find(category: string): Promise<CategoryAlertEntity | null> {
    return this.uow
      .getRepository(CategoryAlertEntity)
      .createQueryBuilder('alert')
      .where('lower(alert.category) = lower(:category)', { category })
      .getOne();
  }
}
