import { ProductEntity, ProductNotFoundError } from '@botdeck/catalog';
import { type CursorQueryDto, type Page, paginate, UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { RestockAlertEntity } from './restock-alert.entity';

/** The record of restock alerts, for the API. */
@Injectable()
export class RestockAlertsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** A product's alerts, newest first; 404 for an unknown product. */
  async forProduct(productId: string, page: CursorQueryDto): Promise<Page<RestockAlertEntity>> {
    const exists = await this.uow.getRepository(ProductEntity).existsBy({ id: productId });
    if (!exists) throw new ProductNotFoundError(productId);
    const qb = this.uow
      .getRepository(RestockAlertEntity)
      .createQueryBuilder('alert')
      .where('alert.productId = :productId', { productId });
    return paginate(qb, page);
  }
}
