import { MetricsRegistry } from '@botdeck/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics } from 'prom-client';

/** prom-client's process series (CPU, memory, event loop, GC, handles) on this process's registry. */
@Injectable()
export class PrometheusDefaults implements OnModuleInit {
  constructor(private readonly registry: MetricsRegistry) {}

  onModuleInit(): void {
    // Registering them twice on one registry throws; a process may import both sides.
    if (this.registry.getSingleMetric('process_cpu_user_seconds_total')) return;
    collectDefaultMetrics({ register: this.registry });
  }
}
