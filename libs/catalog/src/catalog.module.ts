import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { BulkStockService } from './bulk/bulk-stock.service';
import { BulkUpsertService } from './bulk/bulk-upsert.service';
import { BulkVisibilityService } from './bulk/bulk-visibility.service';
import { CatalogBulkController } from './bulk/catalog-bulk.controller';
import { catalogConfig } from './catalog.config';
import { CatalogEvents } from './catalog-events';
import { CatalogReadModule } from './catalog-read.module';
import { CategoryAlertsController } from './categories/category-alerts.controller';
import { CategoryAlertsService } from './categories/category-alerts.service';
import { BulkBodyLimit } from './http/bulk-body-limit';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { StockController } from './stock/stock.controller';
import { StockLedger } from './stock/stock-ledger';
import { StockService } from './stock/stock.service';

/** The API side of the catalog: products, stock, bulk changes and category alert targets. */
@Module({
  imports: [ConfigModule.forFeature(catalogConfig), CatalogReadModule],
  controllers: [
    ProductsController,
    StockController,
    CategoryAlertsController,
    CatalogBulkController,
  ],
  providers: [
    BulkBodyLimit,
    CatalogEvents,
    ProductsService,
    StockLedger,
    StockService,
    CategoryAlertsService,
    BulkVisibilityService,
    BulkUpsertService,
    BulkStockService,
  ],
  exports: [CatalogReadModule],
})
export class CatalogModule {}
