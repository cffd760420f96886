import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoryAlertEntity } from './categories/category-alert.entity';
import { ProductEntity } from './products/product.entity';
import { CatalogQueries } from './queries/catalog.queries';
import { StockMovementEntity } from './stock/stock-movement.entity';

/**
 * The catalog's read side with no HTTP: the worker imports this to render displays, answer
 * slash commands and find restock alert targets.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, StockMovementEntity, CategoryAlertEntity])],
  providers: [CatalogQueries],
  exports: [CatalogQueries, TypeOrmModule],
})
export class CatalogReadModule {}
