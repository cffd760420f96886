import {
  Actor,
  ApiErrorResponses,
  ApiPage,
  Audited,
  CachedResponse,
  mapPage,
  noteAudit,
  ReadCache,
  type RequestActor,
  Roles,
  UuidPipe,
} from '@botdeck/core';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CreateProductDto } from './dto/create-product.dto';
import { ListProductsQuery } from './dto/list-products.query';
import { ProductDto } from './dto/product.dto';
import { UpdateProductDto } from './dto/update-product.dto';
import { ProductsService } from './products.service';

/** Every write that can change a product list page announces one of these. */
const PRODUCT_LIST_DEPENDS_ON = ['catalog.products.changed', 'catalog.stock.changed'];

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly cache: ReadCache,
  ) {}

  @Post()
  @Roles('operator')
  @Audited('product.create', 'product')
  @ApiOperation({ summary: 'Add a product to the catalog (stock defaults to 0; null = unlimited)' })
  @ApiCreatedResponse({ type: ProductDto })
  @ApiErrorResponses(400, 409)
  async create(
    @Body() dto: CreateProductDto,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<ProductDto> {
    const product = ProductDto.from(await this.products.create(dto, actor?.id ?? null));
    noteAudit(request, { resourceId: product.id, after: product });
    return product;
  }

  @Get()
  @Roles('viewer')
  @CachedResponse({ name: 'products.list', dependsOn: PRODUCT_LIST_DEPENDS_ON })
  @ApiOperation({ summary: 'List products, newest first, with filters' })
  @ApiPage(ProductDto)
  @ApiErrorResponses(400)
  async list(@Query() query: ListProductsQuery, @Actor() actor: RequestActor | undefined) {
    return this.cache.getOrLoad(
      {
        name: 'products.list',
        dependsOn: PRODUCT_LIST_DEPENDS_ON,
        key: { query, role: actor?.role },
      },
      async () => mapPage(await this.products.list(query), (product) => ProductDto.from(product)),
    );
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: ProductDto })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', UuidPipe) id: string): Promise<ProductDto> {
    return ProductDto.from(await this.products.get(id));
  }

  @Patch(':id')
  @Roles('operator')
  @Audited('product.update', 'product', { idParam: 'id' })
  @ApiOperation({ summary: 'Change a product; send the version you read (stock: use /stock)' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrorResponses(400, 404, 409)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateProductDto,
    @Req() request: FastifyRequest,
  ): Promise<ProductDto> {
    const { before, after } = await this.products.update(id, dto);
    const result = ProductDto.from(after);
    noteAudit(request, { resourceId: id, before: ProductDto.from(before), after: result });
    return result;
  }

  @Delete(':id')
  @Roles('operator')
  @Audited('product.delete', 'product', { idParam: 'id' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a product and its stock ledger' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(400, 404)
  async delete(@Param('id', UuidPipe) id: string, @Req() request: FastifyRequest): Promise<void> {
    const product = await this.products.delete(id);
    noteAudit(request, { resourceId: id, before: ProductDto.from(product) });
  }
}
