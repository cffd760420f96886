import { MetricsRegistry } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { type Client, Events, RESTEvents } from 'discord.js';
import { Counter } from 'prom-client';

/**
 * A route as a bounded label: discord.js already names each request by its rate-limit bucket
 * route (`/channels/:id/messages`); anything id-like it left (an id shorter than a snowflake,
 * a query string) is folded too, so a label never carries a raw id or token.
 */
export function routeTemplate(route: string): string {
  return (
    route
      .split('?')[0]
      .replace(/\/\d{5,}(?=\/|$)/g, '/:id')
      .replace(/\/interactions\/:id\/[^/]+/, '/interactions/:id/:token')
      .slice(0, 120) || '/'
  );
}

/** Totals since this process started, for the worker's heartbeat. */
export interface DiscordTotals {
  requests: number;
  rateLimited: number;
  rateLimitWaits: number;
  gatewayReconnects: number;
}

/**
 * What the bots of this worker do with Discord, from discord.js's own REST and gateway events:
 * requests by route and status (429s among them), the waits the REST client imposed on itself
 * to stay inside a bucket, and gateway reconnections.
 */
@Injectable()
export class DiscordMetrics {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly limited: Counter<'route' | 'scope'>;
  private readonly waits: Counter<'route' | 'global'>;
  private readonly reconnects: Counter;
  private readonly counted: DiscordTotals = {
    requests: 0,
    rateLimited: 0,
    rateLimitWaits: 0,
    gatewayReconnects: 0,
  };

  constructor(registry: MetricsRegistry) {
    this.requests = new Counter({
      name: 'botdeck_discord_requests_total',
      help: 'REST requests to Discord answered, by method, route template and HTTP status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
    this.limited = new Counter({
      name: 'botdeck_discord_rate_limited_total',
      help: 'REST requests Discord answered 429, by route template and rate-limit scope',
      labelNames: ['route', 'scope'],
      registers: [registry],
    });
    this.waits = new Counter({
      name: 'botdeck_discord_rate_limit_waits_total',
      help: 'Requests the REST client held back to stay inside a rate limit, by route template',
      labelNames: ['route', 'global'],
      registers: [registry],
    });
    this.reconnects = new Counter({
      name: 'botdeck_gateway_reconnects_total',
      help: 'Gateway connections lost and being re-established by the bots of this worker',
      registers: [registry],
    });
  }

  /** Counts what one bot's client does; its listeners go with the client when it is destroyed. */
  instrument(client: Client): void {
    client.rest.on(RESTEvents.Response, (request, response) => {
      const route = routeTemplate(request.route);
      this.counted.requests += 1;
      this.requests.inc({ method: request.method.toUpperCase(), route, status: response.status });
      if (response.status === 429) {
        this.counted.rateLimited += 1;
        this.limited.inc({ route, scope: response.headers.get('x-ratelimit-scope') ?? 'unknown' });
      }
    });
    client.rest.on(RESTEvents.RateLimited, (info) => {
      this.counted.rateLimitWaits += 1;
      this.waits.inc({ route: routeTemplate(info.route), global: String(info.global) });
    });
    client.on(Events.ShardReconnecting, () => {
      this.counted.gatewayReconnects += 1;
      this.reconnects.inc();
    });
  }

  totals(): DiscordTotals {
    return { ...this.counted };
  }
}
