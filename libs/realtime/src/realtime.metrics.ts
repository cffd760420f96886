import { MetricsRegistry } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';

/** The gateway's Prometheus series, on this process's registry. */
@Injectable()
export class RealtimeMetrics {
  private open = 0;
  readonly forwarded: Counter<'event'>;
  readonly closed: Counter<'code'>;

  constructor(registry: MetricsRegistry) {
    const read = () => this.open;
    new Gauge({
      name: 'botdeck_realtime_connections',
      help: 'Open socket.io connections to this API instance',
      registers: [registry],
      // Runs on every scrape, so the gauge reads the live count then.
      collect() {
        this.set(read());
      },
    });
    this.forwarded = new Counter({
      name: 'botdeck_realtime_events_forwarded_total',
      help: 'Bus events this API instance forwarded to its subscribed sockets, by event',
      labelNames: ['event'],
      registers: [registry],
    });
    this.closed = new Counter({
      name: 'botdeck_realtime_disconnects_total',
      help: 'Sockets the server disconnected, by reason code',
      labelNames: ['code'],
      registers: [registry],
    });
  }

  connected(): void {
    this.open += 1;
  }

  disconnected(): void {
    this.open -= 1;
  }

  get connections(): number {
    return this.open;
  }
}
