import { MetricsRegistry } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

const PROCESS_DEFAULTS = Symbol.for('botdeck.prometheus.process-defaults');

/**
 * prom-client's process series (CPU, memory, event loop, GC, handles) on a registry of their
 * own, registered once per process: they describe the process, not an app, and their
 * event-loop monitor and GC observer can never be removed, so registering them per app would
 * leak one of each, and the app they reach, for every app a process builds (tests build many).
 */
function processDefaults(): Registry {
  const holder = globalThis as { [PROCESS_DEFAULTS]?: Registry };
  if (!holder[PROCESS_DEFAULTS]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    holder[PROCESS_DEFAULTS] = registry;
  }
  return holder[PROCESS_DEFAULTS];
}

/** What a scrape of this process answers: the process defaults, then Botdeck's own series. */
@Injectable()
export class PrometheusDefaults {
  constructor(private readonly registry: MetricsRegistry) {}

  get contentType(): string {
    return this.registry.contentType;
  }

  async exposition(): Promise<string> {
    const [defaults, own] = await Promise.all([
      processDefaults().metrics(),
      this.registry.metrics(),
    ]);
    return `${defaults}\n${own}`;
  }
}
