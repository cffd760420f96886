import { BotStatusCounts } from '@botdeck/bot-runtime';
import { BulkItemTotals } from '@botdeck/bulk-operations';
import { bounded, MetricsRegistry } from '@botdeck/core';
import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { WorkerRegistry } from '../workers/worker-registry';

/** A scrape waits this long for the database or Redis before leaving a series out. */
const COLLECT_TIMEOUT_MS = 2_000;

/**
 * Fleet-wide series the API serves, read at scrape time from the system of record: every API
 * instance reports the same figures (aggregate them with `max`, not `sum`). A figure that
 * cannot be read now is left out of the scrape rather than repeated stale.
 */
@Injectable()
export class FleetGauges {
  private readonly logger = new Logger(FleetGauges.name);
  private failing = new Set<string>();

  constructor(
    registry: MetricsRegistry,
    statuses: BotStatusCounts,
    bulk: BulkItemTotals,
    workers: WorkerRegistry,
  ) {
    const guard = this.guard.bind(this);
    new Gauge({
      name: 'botdeck_bots',
      help: 'Configured bots by status (a running status counts only while a lease backs it)',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        this.reset();
        const counts = await guard('botdeck_bots', () => statuses.count());
        for (const [status, count] of Object.entries(counts ?? {})) this.set({ status }, count);
      },
    });
    new Gauge({
      name: 'botdeck_bulk_items',
      help: 'Items of all bulk operations so far, by kind and status (pending, succeeded, failed)',
      labelNames: ['kind', 'status'],
      registers: [registry],
      async collect() {
        this.reset();
        const totals = await guard('botdeck_bulk_items', () => bulk.totals());
        for (const { kind, status, count } of totals ?? []) this.set({ kind, status }, count);
      },
    });
    new Gauge({
      name: 'botdeck_workers',
      help: 'Workers whose heartbeat is live',
      registers: [registry],
      async collect() {
        this.reset();
        const live = await guard('botdeck_workers', () => workers.list());
        if (live) this.set(live.length);
      },
    });
  }

  private async guard<T>(series: string, read: () => Promise<T>): Promise<T | null> {
    try {
      const value = await bounded(read(), COLLECT_TIMEOUT_MS, `Collecting ${series}`);
      if (this.failing.delete(series)) this.logger.log(`${series} readable again`);
      return value;
    } catch (error) {
      // Once per outage, not per scrape.
      if (!this.failing.has(series)) this.logger.warn({ err: error }, `Cannot collect ${series}`);
      this.failing.add(series);
      return null;
    }
  }
}
