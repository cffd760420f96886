import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

/** Limits and timings of the socket.io gateway at `/realtime`. */
export const realtimeConfig = registerAs('realtime', () => {
  const env = new EnvReader();
  return {
    /** Open sockets one user may hold across every API instance; one more is refused. */
    maxConnectionsPerUser: env.int('REALTIME_MAX_CONNECTIONS_PER_USER', {
      default: 20,
      min: 1,
      max: 100_000,
    }),
    /** Topics one socket may follow at once. */
    maxSubscriptionsPerSocket: env.int('REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET', {
      default: 100,
      min: 1,
      max: 10_000,
    }),
    /** A socket whose unsent output passes this is disconnected (`SLOW_CONSUMER`). */
    maxBufferedBytes: env.int('REALTIME_MAX_BUFFERED_BYTES', {
      default: 1_048_576,
      min: 1_024,
      max: 1_073_741_824,
    }),
    /** How often every socket's unsent output is measured against REALTIME_MAX_BUFFERED_BYTES. */
    bufferCheckMs: env.int('REALTIME_BUFFER_CHECK_MS', { default: 1_000, min: 50, max: 60_000 }),
    /** Largest message a client may send (socket.io's maxHttpBufferSize); larger closes it. */
    maxPayloadBytes: env.int('REALTIME_MAX_PAYLOAD_BYTES', {
      default: 16_384,
      min: 1_024,
      max: 10_485_760,
    }),
    /**
     * How often every open socket's user and login are checked again (one query for all), so
     * a disabled user or a closed login is disconnected and a changed role applies.
     */
    accessRecheckMs: env.int('REALTIME_ACCESS_RECHECK_MS', {
      default: 5_000,
      min: 100,
      max: 300_000,
    }),
    /** Bots the `bots` snapshot lists at most (the rest arrive as they change). */
    snapshotMaxBots: env.int('REALTIME_SNAPSHOT_MAX_BOTS', {
      default: 1_000,
      min: 0,
      max: 100_000,
    }),
    /** How long a cross-instance request (counting a user's sockets) may wait for the others. */
    crossInstanceTimeoutMs: env.int('REALTIME_CROSS_INSTANCE_TIMEOUT_MS', {
      default: 2_000,
      min: 100,
      max: 60_000,
    }),
  };
});

export type RealtimeConfig = ReturnType<typeof realtimeConfig>;
