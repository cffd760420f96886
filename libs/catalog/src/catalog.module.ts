import { Module } from '@nestjs/common';
import { CatalogReadModule } from './catalog-read.module';

/** The API side of the catalog: products, stock, bulk changes and category alert targets. */
@Module({
  imports: [CatalogReadModule],
  exports: [CatalogReadModule],
})
export class CatalogModule {}
