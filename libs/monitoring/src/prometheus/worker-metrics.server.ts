import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotFoundError, toErrorEnvelope } from '@botdeck/core';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { metricsConfig, type MetricsConfig } from '../metrics.config';
import { refuseScrape } from './metrics-token';
import { PrometheusDefaults } from './prometheus-defaults';

/**
 * A worker has no HTTP API, so it serves its Prometheus text itself: `GET /metrics` on
 * `METRICS_HOST:METRICS_PORT`, behind the same bearer token as the API's. Each worker is its
 * own scrape target, which keeps per-worker series (and their `instance` label) honest.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly exposition: PrometheusDefaults,
    @Inject(metricsConfig.KEY) private readonly config: MetricsConfig,
  ) {}

  /** Where it listens (null when `METRICS_PORT` is unset). */
  get address(): AddressInfo | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workerPort === undefined) return;
    const server = createServer((request, response) => {
      const send = (status: number, body: string, type: string, headers = {}) => {
        response.writeHead(status, { 'Content-Type': type, ...headers }).end(body);
      };
      const path = (request.url ?? '/').split('?')[0];
      const error =
        request.method !== 'GET' || path !== '/metrics'
          ? new NotFoundError('ROUTE_NOT_FOUND', `No route for ${request.method} ${path}`)
          : refuseScrape(request.headers.authorization, this.config.token);
      if (error) {
        const { body, headers } = toErrorEnvelope(error, randomUUID());
        const extra = body.statusCode === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
        send(body.statusCode, JSON.stringify(body), 'application/json', { ...headers, ...extra });
        return;
      }
      this.exposition.exposition().then(
        (text) => send(200, text, this.exposition.contentType),
        (failure: unknown) => {
          this.logger.warn({ err: failure }, 'Could not collect metrics');
          send(503, '', 'text/plain');
        },
      );
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.workerPort, this.config.workerHost, () => resolve());
    });
    this.server = server;
    const { address, port } = this.address!;
    this.logger.log(`Prometheus metrics on http://${address}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
