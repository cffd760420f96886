import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { CatalogEvents } from '../catalog-events';
import type { BulkVisibilityDto, BulkVisibilityResultDto } from './dto/bulk-visibility.dto';

/** Shows or hides many products in one statement; their versions move as an edit's would. */
@Injectable()
export class BulkVisibilityService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: CatalogEvents,
  ) {}

  async apply(dto: BulkVisibilityDto): Promise<BulkVisibilityResultDto> {
    const [condition, selector] =
      dto.productIds !== undefined
        ? ['p.id = ANY($2::uuid[])', dto.productIds]
        : dto.skus !== undefined
          ? ['lower(p.sku) = ANY($2::text[])', dto.skus.map((sku) => sku.toLowerCase())]
          : ['lower(p.category) = lower($2::text)', dto.category!];
    const rows = await this.uow.transaction((manager) =>
      manager.query<{ id: string; sku: string; changed: boolean; category: string | null }[]>(
        `WITH selected AS (
           SELECT p.id, p.sku FROM products p WHERE ${condition} ORDER BY p.id FOR UPDATE
         ),
         changed AS (
           UPDATE products p SET visible = $1, version = p.version + 1, updated_at = now()
             FROM selected s
            WHERE p.id = s.id AND p.visible <> $1
           RETURNING p.id, p.category
         )
         SELECT s.id, s.sku, c.id IS NOT NULL AS changed, c.category
           FROM selected s LEFT JOIN changed c ON c.id = s.id`,
        [dto.visible, selector],
      ),
    );
    const changed = rows.filter((row) => row.changed);
    this.events.productsChanged('visibility', changed);
    const ids = new Set(rows.map((row) => row.id));
    const skus = new Set(rows.map((row) => row.sku.toLowerCase()));
    return {
      matched: rows.length,
      changed: changed.length,
      unknownProductIds: (dto.productIds ?? []).filter((id) => !ids.has(id.toLowerCase())),
      unknownSkus: (dto.skus ?? []).filter((sku) => !skus.has(sku.toLowerCase())),
    };
  }
}
