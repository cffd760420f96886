import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { CategoryAlertEntity } from '../categories/category-alert.entity';
import { type Product, ProductEntity } from '../products/product.entity';

/** Where a product's restock alert goes: a channel, mentioning one role. */
export interface AlertTarget {
  channelId: string;
  roleId: string;
}

export interface VisibleProductsFilter {
  /** Only these categories (matched ignoring case); absent or empty = every category. */
  categories?: readonly string[];
  /** Keep products whose tracked stock is 0. */
  includeSoldOut: boolean;
}

/**
 * What other parts of Botdeck read from the catalog: the products a display or a slash
 * command may show (hidden ones never), and where restock alerts go. Read-only, and free of
 * HTTP, so the worker loads it through `CatalogReadModule`.
 */
@Injectable()
export class CatalogQueries {
  constructor(private readonly uow: UnitOfWork) {}

  /** Visible products, by sort order, then name (then id, so the order is total). */
  visibleProducts(filter: VisibleProductsFilter): Promise<Product[]> {
    const qb = this.uow
      .getRepository(ProductEntity)
      .createQueryBuilder('product')
      .where('product.visible');
    if (filter.categories && filter.categories.length > 0) {
      qb.andWhere('lower(product.category) = ANY(:categories)', {
        categories: filter.categories.map((category) => category.toLowerCase()),
      });
    }
    if (!filter.includeSoldOut) {
      qb.andWhere('(product.stock IS NULL OR product.stock > 0)');
    }
    return qb
      .orderBy('product.sortOrder', 'ASC')
      .addOrderBy('product.name', 'ASC')
      .addOrderBy('product.id', 'ASC')
      .getMany();
  }

  /** The visible product with this sku (ignoring case), or null when absent or hidden. */
  visibleBySku(sku: string): Promise<Product | null> {
    return this.uow
      .getRepository(ProductEntity)
      .createQueryBuilder('product')
      .where('lower(product.sku) = lower(:sku) AND product.visible', { sku })
      .getOne();
  }

  /** The product's own alert channel and role, else its category's, else null. */
  async alertTargetFor(
    product: Pick<Product, 'category' | 'alertChannelId' | 'alertRoleId'>,
  ): Promise<AlertTarget | null> {
    if (product.alertChannelId && product.alertRoleId) {
      return { channelId: product.alertChannelId, roleId: product.alertRoleId };
    }
    if (product.category === null) return null;
    const alert = await this.uow
      .getRepository(CategoryAlertEntity)
      .createQueryBuilder('alert')
      .where('lower(alert.category) = lower(:category)', { category: product.category })
      .getOne();
    return alert ? { channelId: alert.channelId, roleId: alert.roleId } : null;
  }
}
