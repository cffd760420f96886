import { ApiErrorResponses, Public, requestState } from '@botdeck/core';
import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HealthReportDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('monitoring')
@Controller('monitoring')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @Public({ identifyCaller: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Health of the API and its dependencies',
    description:
      'Checks PostgreSQL, Redis and live workers in parallel, each within its own timeout. ' +
      '503 when a required dependency is down. Both answers carry the health document itself ' +
      '(not the error envelope), which is what load balancers and people expect. Anyone gets ' +
      'the statuses and worker counts; a signed-in caller (bearer token) also gets each ' +
      "worker's host and PID and the failing dependencies' own error text.",
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'Every required dependency is up' })
  @ApiServiceUnavailableResponse({
    type: HealthReportDto,
    description: 'A required dependency is down; `checks` says which',
  })
  @ApiErrorResponses()
  async check(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthReportDto> {
    const report = await this.health.report({ details: !!requestState(request).actor });
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
