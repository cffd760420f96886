import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EventEmitter } from 'node:events';
import { Queue } from 'bullmq';
import { logRedisOutages } from '../redis/redis-outage-log';

/**
 * Gives every BullMQ queue and worker of the application an 'error' listener that reports a
 * Redis outage once; without one BullMQ prints every failed reconnect to the console.
 */
@Injectable()
export class QueueOutageLog implements OnApplicationBootstrap {
  private readonly watched = new WeakSet<object>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const { instance } of this.discovery.getProviders()) {
      if (instance instanceof Queue) this.watch(instance, `queue ${instance.name}`);
      if (instance instanceof WorkerHost) {
        // A processor whose worker was never created (manual registration) has none to watch.
        const worker = (instance as unknown as { _worker?: WorkerHost['worker'] })._worker;
        if (worker) this.watch(worker, `worker ${worker.name}`);
      }
    }
  }

  // A queue passes its connection's errors on but not its 'ready'; its backend has both.
  private watch(emitter: Queue | WorkerHost['worker'], name: string): void {
    if (this.watched.has(emitter)) return;
    this.watched.add(emitter);
    const events: EventEmitter = emitter;
    events.on('error', () => undefined);
    const backend: unknown = emitter.getBackend();
    if (backend instanceof EventEmitter) logRedisOutages(backend, name);
  }
}
