import {
  isUniqueViolation,
  type Page,
  paginate,
  UnitOfWork,
  ValidationFailedError,
} from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ProductNotFoundError,
  ProductSkuTakenError,
  ProductVersionConflictError,
} from '../catalog.errors';
import { CatalogEvents } from '../catalog-events';
import { StockMovementEntity } from '../stock/stock-movement.entity';
import { alertPairError, type CreateProductDto } from './dto/create-product.dto';
import type { ListProductsQuery } from './dto/list-products.query';
import type { UpdateProductDto } from './dto/update-product.dto';
import { ProductEntity } from './product.entity';
import { likePrefix } from './like-prefix';

export interface ProductChange {
  before: ProductEntity;
  after: ProductEntity;
}

/** Products: create, read, edit (at the version read) and delete. Stock is `StockService`'s. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: CatalogEvents,
  ) {}

  /** Creates the product; tracked initial stock opens its ledger with one movement. */
  async create(dto: CreateProductDto, actorId: string | null): Promise<ProductEntity> {
    const values = {
      sku: dto.sku,
      name: dto.name,
      description: dto.description ?? null,
      category: dto.category ?? null,
      priceMinor: dto.priceMinor,
      currency: dto.currency,
      stock: dto.stock === undefined ? 0 : dto.stock,
      lowStockThreshold: dto.lowStockThreshold ?? 0,
      visible: dto.visible ?? true,
      sortOrder: dto.sortOrder ?? 0,
      emoji: dto.emoji ?? null,
      alertChannelId: dto.alertChannelId ?? null,
      alertRoleId: dto.alertRoleId ?? null,
    };
    checkAlertPair(values);
    const product = await this.uow
      .transaction(async (manager) => {
        const id = randomUUID();
        await manager.insert(ProductEntity, { id, ...values, version: 1 });
        const created = await manager.findOneByOrFail(ProductEntity, { id });
        if (created.stock !== null && created.stock > 0) {
          await manager.insert(StockMovementEntity, {
            productId: created.id,
            actorId,
            delta: created.stock,
            quantity: created.stock,
            reason: 'initial stock',
          });
        }
        return created;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new ProductSkuTakenError(dto.sku);
        throw error;
      });
    this.events.productsChanged('created', [product]);
    return product;
  }

  async get(id: string): Promise<ProductEntity> {
    const product = await this.uow.getRepository(ProductEntity).findOneBy({ id });
    if (!product) throw new ProductNotFoundError(id);
    return product;
  }

  /** Newest first; filters combine with AND. */
  list(query: ListProductsQuery): Promise<Page<ProductEntity>> {
    const qb = this.uow.getRepository(ProductEntity).createQueryBuilder('product');
    if (query.category !== undefined) {
      qb.andWhere('lower(product.category) = lower(:category)', { category: query.category });
    }
    if (query.visible !== undefined) {
      qb.andWhere('product.visible = :visible', { visible: query.visible });
    }
    if (query.lowStock !== undefined) {
      const low = 'product.stock IS NOT NULL AND product.stock <= product.lowStockThreshold';
      qb.andWhere(query.lowStock ? `(${low})` : `NOT (${low})`);
    }
    if (query.outOfStock !== undefined) {
      qb.andWhere(
        query.outOfStock ? 'product.stock = 0' : '(product.stock IS NULL OR product.stock > 0)',
      );
    }
    if (query.q !== undefined) {
      qb.andWhere(
        "(lower(product.sku) LIKE :prefix ESCAPE '\\' OR lower(product.name) LIKE :prefix ESCAPE '\\')",
        { prefix: likePrefix(query.q.toLowerCase()) },
      );
    }
    return paginate(qb, query);
  }

  async update(id: string, dto: UpdateProductDto): Promise<ProductChange> {
    const before = await this.get(id);
    if (before.version !== dto.version) {
      throw new ProductVersionConflictError(before.version, dto.version);
    }
    const { version, ...fields } = dto;
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<ProductEntity>;
    checkAlertPair({ ...before, ...changes });
    try {
      const result = await this.uow
        .getRepository(ProductEntity)
        .createQueryBuilder()
        .update(ProductEntity)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (!result.affected) {
        const current = await this.get(id);
        throw new ProductVersionConflictError(current.version, version);
      }
    } catch (error) {
      if (isUniqueViolation(error)) throw new ProductSkuTakenError(dto.sku ?? before.sku);
      throw error;
    }
    const after = await this.get(id);
    this.events.productsChanged('updated', [before, after]);
    return { before, after };
  }

  /** Deletes the product and, with it, its ledger. */
  async delete(id: string): Promise<ProductEntity> {
    const product = await this.get(id);
    const result = await this.uow.getRepository(ProductEntity).delete({ id });
    if (!result.affected) throw new ProductNotFoundError(id);
    this.events.productsChanged('deleted', [product]);
    return product;
  }
}

function checkAlertPair(product: { alertChannelId: string | null; alertRoleId: string | null }) {
  const error = alertPairError(product);
  if (error) throw new ValidationFailedError([{ field: 'alertRoleId', messages: [error] }]);
}
