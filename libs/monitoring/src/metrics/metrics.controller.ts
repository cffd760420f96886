import { ApiErrorResponses, Roles, UuidPipe } from '@botdeck/core';
import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BotMetricsService } from './bot-metrics.service';
import { BotMetricsDto } from './dto/bot-metrics.dto';
import { MetricsSnapshotDto } from './dto/metrics.dto';
import { MetricsService } from './metrics.service';

@ApiTags('monitoring')
@Controller('monitoring')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('metrics')
  @Roles('viewer')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Fleet-wide figures: this API process, live workers, bots, commands, queues',
    description:
      'Measured now: this API process, each live worker from its last heartbeat, every bot by ' +
      'status, commands of the last 1/5/15 minutes, BullMQ queues and Discord traffic. The ' +
      '`metrics` real-time topic pushes the same document every METRICS_SNAPSHOT_INTERVAL_MS.',
  })
  @ApiOkResponse({ type: MetricsSnapshotDto })
  @ApiErrorResponses(503)
  async snapshot(): Promise<MetricsSnapshotDto> {
    return this.metrics.snapshot();
  }
}

@ApiTags('bots')
@Controller('bots')
export class BotMetricsController {
  constructor(private readonly metrics: BotMetricsService) {}

  @Get(':id/metrics')
  @Roles('viewer')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "One bot's time online, gateway figures and last 24 h of commands" })
  @ApiOkResponse({ type: BotMetricsDto })
  @ApiErrorResponses(400, 404, 503)
  async forBot(@Param('id', UuidPipe) id: string): Promise<BotMetricsDto> {
    return this.metrics.forBot(id);
  }
}
