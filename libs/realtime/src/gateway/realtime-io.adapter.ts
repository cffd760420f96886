import { createRedisClient, redisConfig, type RedisConfig } from '@botdeck/core';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { realtimeConfig, type RealtimeConfig } from '../realtime.config';
import { REALTIME_PATH } from '../realtime.protocol';

/**
 * socket.io on the API's own HTTP server (Fastify's), at `/realtime`, with the Redis adapter
 * so that operations spanning instances (counting a user's sockets everywhere) see them all.
 * Its pub/sub connections are its own and close when the app does. Set it before `init()`:
 * `app.useWebSocketAdapter(new RealtimeIoAdapter(app))`.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private clients: Redis[] = [];

  constructor(private readonly app: INestApplicationContext) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const realtime = this.app.get<RealtimeConfig>(realtimeConfig.KEY);
    const redis = this.app.get<RedisConfig>(redisConfig.KEY);
    const server = super.createIOServer(port, {
      ...options,
      path: REALTIME_PATH,
      serveClient: false,
      maxHttpBufferSize: realtime.maxPayloadBytes,
    }) as Server;
    // Channels are not keys: ioredis' keyPrefix would not cover them, the adapter's key does.
    const pub = handleEveryReply(createRedisClient({ ...redis, keyPrefix: '' }, 'realtime-pub'));
    const sub = handleEveryReply(pub.duplicate());
    this.clients = [pub, sub];
    server.adapter(
      createAdapter(pub, sub, {
        key: `${redis.keyPrefix}realtime`,
        requestsTimeout: realtime.crossInstanceTimeoutMs,
        publishOnSpecificResponseChannel: true,
      }),
    );
    return server;
  }

  override async dispose(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.quit().catch(() => client.disconnect())));
    this.clients = [];
  }
}

/**
 * The adapter sends some commands without waiting for their replies (subscribing, answering
 * another instance); while Redis is away those replies are rejections nobody handles, which
 * Node reports as crashes. Every reply gets a handler here; whoever awaits one still sees its
 * failure, and the outage itself is logged once by the client (see createRedisClient).
 */
function handleEveryReply(client: Redis): Redis {
  const send = client.sendCommand.bind(client);
  client.sendCommand = (...args: Parameters<Redis['sendCommand']>) => {
    const reply = send(...args);
    if (reply instanceof Promise) reply.catch(() => undefined);
    return reply;
  };
  return client;
}
