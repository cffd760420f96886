import { ApiErrorResponses, Public } from '@botdeck/core';
import { Controller, Get, Header, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthReportDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('monitoring')
@Controller('monitoring')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Health of the API and its dependencies',
    description:
      'Checks PostgreSQL, Redis and live workers in parallel, each within its own timeout. ' +
      '503 when a required dependency is down. Both answers carry the health document itself ' +
      '(not the error envelope), which is what load balancers and people expect.',
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'Every required dependency is up' })
  @ApiServiceUnavailableResponse({
    type: HealthReportDto,
    description: 'A required dependency is down; `checks` says which',
  })
  @ApiErrorResponses()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReportDto> {
    const report = await this.health.report();
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
