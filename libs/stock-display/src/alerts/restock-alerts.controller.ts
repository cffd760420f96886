import {
  ApiErrorResponses,
  ApiPage,
  CursorQueryDto,
  mapPage,
  Roles,
  UuidPipe,
} from '@botdeck/core';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RestockAlertDto } from './dto/restock-alert.dto';
import { RestockAlertsService } from './restock-alerts.service';

@ApiTags('stock-displays')
@Controller('products/:id/restock-alerts')
export class RestockAlertsController {
  constructor(private readonly alerts: RestockAlertsService) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({
    summary: 'Restock alerts posted for a product (when, where, stock after), newest first',
  })
  @ApiPage(RestockAlertDto)
  @ApiErrorResponses(400, 404)
  async list(@Param('id', UuidPipe) id: string, @Query() query: CursorQueryDto) {
    return mapPage(await this.alerts.forProduct(id, query), (alert) => RestockAlertDto.from(alert));
  }
}
