import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { QueueMetrics } from './metrics-snapshot';

/** Every BullMQ queue registered in this application, found once at start. */
@Injectable()
export class QueueFigures implements OnApplicationBootstrap {
  private queues: Queue[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const byName = new Map<string, Queue>();
    for (const { instance } of this.discovery.getProviders()) {
      if (instance instanceof Queue && !byName.has(instance.name)) {
        byName.set(instance.name, instance as Queue);
      }
    }
    this.queues = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async read(): Promise<QueueMetrics[]> {
    return Promise.all(
      this.queues.map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        return {
          name: queue.name,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
        };
      }),
    );
  }
}
