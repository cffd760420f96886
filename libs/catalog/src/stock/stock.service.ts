import { type CursorQueryDto, type Page, paginate, UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { ProductNotFoundError } from '../catalog.errors';
import { CatalogEvents } from '../catalog-events';
import { ProductEntity } from '../products/product.entity';
import type { StockChangeDto } from './dto/stock-change.dto';
import type { StockChangeResultDto } from './dto/stock-movement.dto';
import { type AppliedChange, type StockAdjustment, StockLedger } from './stock-ledger';
import { StockMovementEntity } from './stock-movement.entity';

/** Stock changes of one product, and its ledger. */
@Injectable()
export class StockService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ledger: StockLedger,
    private readonly events: CatalogEvents,
  ) {}

  async change(
    productId: string,
    dto: StockChangeDto,
    actorId: string | null,
  ): Promise<StockChangeResultDto> {
    const amount = dto.delta !== undefined ? { delta: dto.delta } : { set: dto.set ?? null };
    const adjustment: StockAdjustment = { productId, ...amount, reason: dto.reason };
    const [change] = await this.ledger.apply(
      [adjustment],
      actorId,
      () => new ProductNotFoundError(productId),
    );
    this.announce([change]);
    return {
      productId,
      sku: change.sku,
      before: change.before,
      after: change.after,
      movement: {
        id: change.movementId,
        productId,
        actorId,
        delta: change.lastDelta,
        quantity: change.after,
        reason: dto.reason,
        createdAt: change.at.toISOString(),
      },
    };
  }

  /** Announces committed changes (after commit, so a rolled-back change is never announced). */
  announce(changes: readonly AppliedChange[]): void {
    this.events.stockChanged(changes);
  }

  /** The product's ledger, newest first. */
  async movements(productId: string, page: CursorQueryDto): Promise<Page<StockMovementEntity>> {
    const exists = await this.uow.getRepository(ProductEntity).existsBy({ id: productId });
    if (!exists) throw new ProductNotFoundError(productId);
    const qb = this.uow
      .getRepository(StockMovementEntity)
      .createQueryBuilder('movement')
      .where('movement.productId = :productId', { productId });
    return paginate(qb, page, { idKind: 'snowflake' });
  }
}
