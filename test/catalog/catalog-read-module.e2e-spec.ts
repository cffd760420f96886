import { CatalogQueries, CatalogReadModule } from '@botdeck/catalog';
import { CoreModule, DatabaseModule } from '@botdeck/core';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { uniquePrefix } from './catalog-support';

/** What the worker loads: the catalog's queries with no HTTP server and no controllers. */
@Module({ imports: [CoreModule, DatabaseModule.forRoot(), CatalogReadModule] })
class WorkerSideModule {}

describe('catalog: the read module without HTTP', () => {
  let context: INestApplicationContext;

  beforeAll(async () => {
    context = await NestFactory.createApplicationContext(WorkerSideModule, { logger: false });
  });
  afterAll(() => context.close());

  it('provides CatalogQueries to a process that serves no routes', async () => {
    const category = uniquePrefix('worker');
    await context.get(DataSource).query(
      `INSERT INTO products (sku, name, category, price_minor, currency, stock, visible)
       VALUES ($1 || '-a', 'A', $1, 100, 'EUR', 3, true), ($1 || '-b', 'B', $1, 100, 'EUR', 3, false)`,
      [category],
    );
    const products = await context
      .get(CatalogQueries)
      .visibleProducts({ categories: [category], includeSoldOut: true });
    expect(products.map((product) => product.sku)).toEqual([`${category}-a`]);
  });
});
