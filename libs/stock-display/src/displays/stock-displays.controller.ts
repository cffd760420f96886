import {
  ApiErrorResponses,
  ApiPage,
  Audited,
  mapPage,
  noteAudit,
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
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CreateStockDisplayDto } from './dto/create-stock-display.dto';
import { ListStockDisplaysQuery } from './dto/list-stock-displays.query';
import { StockDisplayDto } from './dto/stock-display.dto';
import { UpdateStockDisplayDto } from './dto/update-stock-display.dto';
import { StockDisplaysService } from './stock-displays.service';

@ApiTags('stock-displays')
@Controller('stock-displays')
export class StockDisplaysController {
  constructor(private readonly displays: StockDisplaysService) {}

  @Post()
  @Roles('operator')
  @Audited('stock_display.create', 'stock_display')
  @ApiOperation({
    summary: 'Create a live stock display; the bot’s worker posts it (status pending → live)',
  })
  @ApiCreatedResponse({ type: StockDisplayDto })
  @ApiErrorResponses(400, 404)
  async create(
    @Body() dto: CreateStockDisplayDto,
    @Req() request: FastifyRequest,
  ): Promise<StockDisplayDto> {
    const display = StockDisplayDto.from(await this.displays.create(dto));
    noteAudit(request, { resourceId: display.id, after: display });
    return display;
  }

  @Get()
  @Roles('viewer')
  @ApiOperation({ summary: 'List stock displays, newest first' })
  @ApiPage(StockDisplayDto)
  @ApiErrorResponses(400)
  async list(@Query() query: ListStockDisplaysQuery) {
    return mapPage(await this.displays.list(query), (display) => StockDisplayDto.from(display));
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: StockDisplayDto })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', UuidPipe) id: string): Promise<StockDisplayDto> {
    return StockDisplayDto.from(await this.displays.get(id));
  }

  @Patch(':id')
  @Roles('operator')
  @Audited('stock_display.update', 'stock_display', { idParam: 'id' })
  @ApiOperation({ summary: 'Change what a display shows; send the version you read' })
  @ApiOkResponse({ type: StockDisplayDto })
  @ApiErrorResponses(400, 404, 409)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateStockDisplayDto,
    @Req() request: FastifyRequest,
  ): Promise<StockDisplayDto> {
    const { before, after } = await this.displays.update(id, dto);
    const result = StockDisplayDto.from(after);
    noteAudit(request, { resourceId: id, before: StockDisplayDto.from(before), after: result });
    return result;
  }

  @Delete(':id')
  @Roles('operator')
  @Audited('stock_display.delete', 'stock_display', { idParam: 'id' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a display; its worker deletes its messages from Discord' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(400, 404)
  async delete(@Param('id', UuidPipe) id: string, @Req() request: FastifyRequest): Promise<void> {
    const display = await this.displays.delete(id);
    noteAudit(request, { resourceId: id, before: StockDisplayDto.from(display) });
  }

  @Post(':id/refresh')
  @Roles('operator')
  @Audited('stock_display.refresh', 'stock_display', { idParam: 'id' })
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Re-render now: every message is edited (or reposted if gone), and an `error` display retries',
  })
  @ApiAcceptedResponse({ type: StockDisplayDto })
  @ApiErrorResponses(400, 404)
  async refresh(@Param('id', UuidPipe) id: string): Promise<StockDisplayDto> {
    return StockDisplayDto.from(await this.displays.refresh(id));
  }
}
