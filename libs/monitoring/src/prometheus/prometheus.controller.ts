import { Public } from '@botdeck/core';
import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { metricsConfig, type MetricsConfig } from '../metrics.config';
import { refuseScrape } from './metrics-token';
import { PrometheusDefaults } from './prometheus-defaults';

/**
 * `GET /metrics` (outside `/api/v1`), for Prometheus: this process's whole registry in the text
 * exposition format. Not a user route: no JWT (`@Public` lets it past the access guard) but the
 * `METRICS_TOKEN` bearer instead, and out of the OpenAPI document, which describes the JSON API.
 */
@ApiExcludeController()
@Controller('metrics')
export class PrometheusController {
  constructor(
    private readonly exposition: PrometheusDefaults,
    @Inject(metricsConfig.KEY) private readonly config: MetricsConfig,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  async scrape(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const refused = refuseScrape(request.headers.authorization, this.config.token);
    if (refused) {
      if (refused.statusCode === 401) void reply.header('WWW-Authenticate', 'Bearer');
      throw refused;
    }
    const text = await this.exposition.exposition();
    void reply.header('Content-Type', this.exposition.contentType);
    return text;
  }
}
