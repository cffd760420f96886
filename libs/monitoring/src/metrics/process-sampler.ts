import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { ProcessMetrics } from './metrics-snapshot';

/** Samples closer together than this share the figures of the previous window. */
const MIN_WINDOW_MS = 1_000;

/**
 * This process's own figures. CPU % and event-loop delay are measured over a window that
 * closes at a sample at least a second after the previous one, so frequent readers (a JSON
 * request, a heartbeat, a snapshot) all see a stable, recent figure.
 */
@Injectable()
export class ProcessSampler implements OnModuleDestroy {
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private windowStart = { at: performance.now(), cpu: process.cpuUsage() };
  private last = { cpuPercent: 0, p50: 0, p99: 0 };

  constructor() {
    this.loopDelay.enable();
  }

  sample(): ProcessMetrics {
    const now = performance.now();
    const elapsedMs = now - this.windowStart.at;
    if (elapsedMs >= MIN_WINDOW_MS) {
      const cpu = process.cpuUsage(this.windowStart.cpu);
      const hasDelay = this.loopDelay.count > 0;
      this.last = {
        cpuPercent: round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100),
        p50: hasDelay ? round(this.loopDelay.percentile(50) / 1e6) : 0,
        p99: hasDelay ? round(this.loopDelay.percentile(99) / 1e6) : 0,
      };
      this.loopDelay.reset();
      this.windowStart = { at: now, cpu: process.cpuUsage() };
    }
    const memory = process.memoryUsage();
    return {
      uptimeSeconds: Math.round(process.uptime()),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      cpuPercent: this.last.cpuPercent,
      eventLoopDelayMs: { p50: this.last.p50, p99: this.last.p99 },
    };
  }

  onModuleDestroy(): void {
    this.loopDelay.disable();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
