import {
  Actor,
  ApiErrorResponses,
  Audited,
  noteAudit,
  type RequestActor,
  Roles,
} from '@botdeck/core';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BulkBody } from '../http/bulk-body-limit';
import { BulkStockService } from './bulk-stock.service';
import { BulkUpsertService } from './bulk-upsert.service';
import { BulkVisibilityService } from './bulk-visibility.service';
import { BulkStockDto, BulkStockResultDto, MAX_BULK_ADJUSTMENTS } from './dto/bulk-stock.dto';
import { BulkUpsertProductsDto, BulkUpsertResultDto, MAX_BULK_UPSERT } from './dto/bulk-upsert.dto';
import {
  BulkVisibilityDto,
  BulkVisibilityResultDto,
  MAX_BULK_VISIBILITY,
} from './dto/bulk-visibility.dto';

/**
 * Catalog changes in bulk. Each request is one transaction and leaves one audit entry with
 * its counts (the rows themselves stay out of the trail; the ledger has the stock ones).
 */
@ApiTags('bulk')
@Controller('bulk/products')
export class CatalogBulkController {
  constructor(
    private readonly visibility: BulkVisibilityService,
    private readonly upsert: BulkUpsertService,
    private readonly stock: BulkStockService,
  ) {}

  @Post('visibility')
  @Roles('operator')
  @Audited('bulk.products.visibility', 'product')
  @HttpCode(200)
  @ApiOperation({
    summary: `Show or hide products by ids or skus (up to ${MAX_BULK_VISIBILITY}) or by category`,
  })
  @ApiOkResponse({ type: BulkVisibilityResultDto })
  @ApiErrorResponses(400)
  async setVisibility(
    @Body() dto: BulkVisibilityDto,
    @Req() request: FastifyRequest,
  ): Promise<BulkVisibilityResultDto> {
    const selection =
      dto.category !== undefined
        ? { category: dto.category }
        : { [dto.productIds ? 'productIds' : 'skus']: (dto.productIds ?? dto.skus)!.length };
    noteAudit(request, { after: { selection, visible: dto.visible } });
    const result = await this.visibility.apply(dto);
    noteAudit(request, {
      after: {
        selection,
        visible: dto.visible,
        matched: result.matched,
        changed: result.changed,
        unknown: result.unknownProductIds.length + result.unknownSkus.length,
      },
    });
    return result;
  }

  @Post()
  @Roles('operator')
  @Audited('bulk.products.upsert', 'product')
  @HttpCode(200)
  @BulkBody()
  @ApiOperation({
    summary: `Create or update up to ${MAX_BULK_UPSERT} products by sku, all or nothing`,
    description:
      'A validation error names the row and field (`products[17].priceMinor`). On an ' +
      'existing product, optional fields a row leaves out keep their values.',
  })
  @ApiOkResponse({ type: BulkUpsertResultDto })
  @ApiErrorResponses(400, 409, 413)
  async upsertProducts(
    @Body() dto: BulkUpsertProductsDto,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<BulkUpsertResultDto> {
    // Noted first, so that a refused request's entry shows the size, not 5 000 rows.
    noteAudit(request, { after: { rows: dto.products.length } });
    const result = await this.upsert.apply(dto.products, actor?.id ?? null);
    noteAudit(request, {
      after: {
        rows: dto.products.length,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
      },
    });
    return result;
  }

  @Post('stock')
  @Roles('operator')
  @Audited('bulk.products.stock', 'product')
  @HttpCode(200)
  @BulkBody()
  @ApiOperation({
    summary: `Apply up to ${MAX_BULK_ADJUSTMENTS} stock adjustments in order, all or nothing`,
    description:
      'Adjustments to one product apply in request order; if any would take a product below ' +
      'zero, 409 INSUFFICIENT_STOCK names the rows and nothing changes. One ledger row each.',
  })
  @ApiOkResponse({ type: BulkStockResultDto })
  @ApiErrorResponses(400, 404, 409, 413)
  async adjustStock(
    @Body() dto: BulkStockDto,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<BulkStockResultDto> {
    noteAudit(request, { after: { adjustments: dto.adjustments.length, reason: dto.reason } });
    const result = await this.stock.apply(dto, actor?.id ?? null);
    noteAudit(request, { after: { ...result, reason: dto.reason } });
    return result;
  }
}
