import { MetricsRegistry } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { BotFleet } from '../fleet/bot-fleet.service';

/**
 * This worker's bots and shards as Prometheus series, read from the fleet at scrape time. An
 * unsharded bot is its own shard 0 of 1, so one query shows bots and shards alike.
 */
@Injectable()
export class ShardMetrics {
  constructor(registry: MetricsRegistry, fleet: BotFleet) {
    const labelNames = ['bot_id', 'shard_id', 'shard_count'] as const;
    const each = (
      gauge: Gauge<(typeof labelNames)[number]>,
      value: (session: ReturnType<BotFleet['sessions']>[number]) => number | null,
    ) => {
      gauge.reset();
      for (const session of fleet.sessions()) {
        const measured = value(session);
        if (measured === null) continue;
        gauge.set(
          {
            bot_id: session.id,
            shard_id: String(session.shard?.id ?? 0),
            shard_count: String(session.shard?.count ?? 1),
          },
          measured,
        );
      }
    };
    new Gauge({
      name: 'botdeck_worker_shard_online',
      help: 'Shards (an unsharded bot is shard 0 of 1) this worker runs: 1 online, 0 otherwise',
      labelNames,
      registers: [registry],
      collect() {
        each(this, (session) => (session.status === 'online' ? 1 : 0));
      },
    });
    new Gauge({
      name: 'botdeck_worker_shard_ping_ms',
      help: 'Heartbeat round trip of each shard this worker runs',
      labelNames,
      registers: [registry],
      collect() {
        each(this, (session) => session.gatewayStats().pingMs);
      },
    });
    new Gauge({
      name: 'botdeck_worker_shard_guilds',
      help: 'Guilds on each shard this worker runs',
      labelNames,
      registers: [registry],
      collect() {
        each(this, (session) => session.gatewayStats().guilds);
      },
    });
  }
}
