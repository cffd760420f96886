import {
  Actor,
  ApiErrorResponses,
  ApiPage,
  Audited,
  CursorQueryDto,
  mapPage,
  noteAudit,
  type RequestActor,
  Roles,
  UuidPipe,
} from '@botdeck/core';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { StockChangeDto } from './dto/stock-change.dto';
import { StockChangeResultDto, StockMovementDto } from './dto/stock-movement.dto';
import { StockService } from './stock.service';

@ApiTags('products')
@Controller('products/:id')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Post('stock')
  @Roles('operator')
  @Audited('product.stock', 'product', { idParam: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change stock by a delta or to a value, atomically, with a ledger row',
    description:
      'Below zero is refused with 409 INSUFFICIENT_STOCK and changes nothing. On unlimited ' +
      'stock a delta is recorded and the stock stays unlimited; `set` gives it a quantity again.',
  })
  @ApiOkResponse({ type: StockChangeResultDto })
  @ApiErrorResponses(400, 404, 409)
  async change(
    @Param('id', UuidPipe) id: string,
    @Body() dto: StockChangeDto,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<StockChangeResultDto> {
    const result = await this.stock.change(id, dto, actor?.id ?? null);
    noteAudit(request, {
      resourceId: id,
      before: { stock: result.before },
      after: { stock: result.after, reason: dto.reason },
    });
    return result;
  }

  @Get('movements')
  @Roles('viewer')
  @ApiOperation({ summary: 'The product’s stock ledger, newest first' })
  @ApiPage(StockMovementDto)
  @ApiErrorResponses(400, 404)
  async movements(@Param('id', UuidPipe) id: string, @Query() query: CursorQueryDto) {
    return mapPage(await this.stock.movements(id, query), (movement) =>
      StockMovementDto.from(movement),
    );
  }
}
