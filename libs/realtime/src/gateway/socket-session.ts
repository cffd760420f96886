import type { Role } from '@botdeck/core';
import type { Server, Socket } from 'socket.io';
import type { RealtimeClientEvents, RealtimeServerEvents } from '../realtime.protocol';

/**
 * Who a socket belongs to, set when its handshake is accepted. Plain data only: the Redis
 * adapter sends it to other instances when they fetch sockets.
 */
export interface SocketSession {
  userId: string;
  /** The login (refresh-token family) the access token was issued from. */
  loginId: string;
  role: Role;
  /** When the access token expires, in epoch milliseconds. */
  expiresAt: number;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no server-to-server events
type InterServerEvents = {};

export type RealtimeServer = Server<
  RealtimeClientEvents,
  RealtimeServerEvents,
  InterServerEvents,
  SocketSession
>;
export type RealtimeSocket = Socket<
  RealtimeClientEvents,
  RealtimeServerEvents,
  InterServerEvents,
  SocketSession
>;

/** The room of every socket of one user, across instances (for counting them). */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** The rooms of a socket that are topics (not its own room nor its user's). */
export function topicRooms(socket: RealtimeSocket): string[] {
  return [...socket.rooms].filter((room) => room !== socket.id && !room.startsWith('user:'));
}

/** The `exp` of an access token already verified, in epoch milliseconds. */
export function tokenExpiry(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    exp?: unknown;
  };
  if (typeof payload.exp !== 'number') throw new Error('A verified access token had no exp');
  return payload.exp * 1000;
}

/** Bytes written to a socket that its client has not read yet (engine.io and ws buffers). */
export function bufferedBytes(socket: RealtimeSocket): number {
  const conn = socket.conn as unknown as {
    writeBuffer?: Array<{ data?: unknown }>;
    transport?: { socket?: { bufferedAmount?: number } };
  };
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (Buffer.isBuffer(data)) bytes += data.byteLength;
  }
  return bytes;
}

/** Drops a connection at once, buffers and all (a client that stopped reading never drains). */
export function terminate(socket: RealtimeSocket): void {
  const conn = socket.conn as unknown as {
    close(discard?: boolean): void;
    transport?: { socket?: { terminate?: () => void } };
  };
  socket.disconnect(true);
  conn.transport?.socket?.terminate?.();
  conn.close(true);
}
