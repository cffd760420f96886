import { EventBus } from '@botdeck/core';
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RealtimeMetrics } from '../realtime.metrics';
import type { RealtimeEventName, RealtimeEvents } from '../realtime.protocol';
import { FORWARDED_EVENTS, roomsFor } from '../topics/topic-registry';
import { RealtimeGateway } from './realtime.gateway';

/**
 * Hands bus events to this instance's sockets. Every API instance hears every bus event, so
 * each emits to its own sockets only (`server.local`): a broadcast through the Redis adapter
 * would reach every instance's sockets once per instance.
 */
@Injectable()
export class EventForwarder implements OnApplicationBootstrap, OnApplicationShutdown {
  private unsubscribes: Array<() => void> = [];

  constructor(
    private readonly bus: EventBus,
    private readonly gateway: RealtimeGateway,
    private readonly metrics: RealtimeMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribes = await Promise.all(
      FORWARDED_EVENTS.map((event) =>
        this.bus.subscribe(event, ({ payload }) => this.forward(event, payload)),
      ),
    );
  }

  onApplicationShutdown(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
  }

  forward<K extends RealtimeEventName>(event: K, payload: RealtimeEvents[K]): void {
    const server = this.gateway.server;
    if (!server) return;
    const rooms = roomsFor(event, payload);
    if (rooms.length === 0) return;
    // One emit to all the rooms: a socket in several of them (bots and bot:{id}) gets it once.
    (server.local.to(rooms).emit as (event: string, payload: unknown) => boolean)(event, payload);
    this.metrics.forwarded.inc({ event });
  }
}
