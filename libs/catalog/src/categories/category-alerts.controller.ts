import { ApiErrorResponses, Audited, noteAudit, Roles } from '@botdeck/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CategoryAlertsService, MAX_CATEGORIES_LISTED } from './category-alerts.service';
import {
  CategoryAlertDto,
  CategoryParams,
  CategorySummaryDto,
  SetCategoryAlertDto,
} from './dto/category-alert.dto';

/**
 * Product categories and their restock alert targets. A product with no alert channel and
 * role of its own alerts where its category says.
 */
@ApiTags('products')
@Controller('product-categories')
export class CategoryAlertsController {
  constructor(private readonly alerts: CategoryAlertsService) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({
    summary: `Categories (at most ${MAX_CATEGORIES_LISTED}) with product counts and alert targets`,
  })
  @ApiOkResponse({ type: [CategorySummaryDto] })
  list(): Promise<CategorySummaryDto[]> {
    return this.alerts.summary();
  }

  @Put(':category/alert')
  @Roles('operator')
  @Audited('product_category.alert.set', 'product_category', { idParam: 'category' })
  @ApiOperation({
    summary: 'Post the category’s restock alerts in this channel, mentioning this role',
  })
  @ApiOkResponse({ type: CategoryAlertDto })
  @ApiErrorResponses(400)
  async set(
    @Param() params: CategoryParams,
    @Body() dto: SetCategoryAlertDto,
    @Req() request: FastifyRequest,
  ): Promise<CategoryAlertDto> {
    const { before, after } = await this.alerts.set(params.category, dto);
    noteAudit(request, { resourceId: after.category, before, after });
    return after;
  }

  @Delete(':category/alert')
  @Roles('operator')
  @Audited('product_category.alert.remove', 'product_category', { idParam: 'category' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop alerting for the category (products’ own targets stay)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrorResponses(400, 404)
  async remove(@Param() params: CategoryParams, @Req() request: FastifyRequest): Promise<void> {
    const before = await this.alerts.remove(params.category);
    noteAudit(request, { resourceId: before.category, before });
  }
}
