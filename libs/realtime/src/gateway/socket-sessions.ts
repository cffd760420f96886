import { Injectable } from '@nestjs/common';
import { AUTH_ERRORS } from '@botdeck/auth';
import { RealtimeMetrics } from '../realtime.metrics';
import { type RealtimeSocket, terminate } from './socket-session';

/** setTimeout's ceiling; a later expiry is re-armed when this fires. */
const MAX_TIMER_MS = 2_147_483_647;

/** Ends sockets on purpose, saying why, and ends each when its access token expires. */
@Injectable()
export class SocketSessions {
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly metrics: RealtimeMetrics) {}

  /** (Re)arms the socket's expiry: at its token's `exp` it is closed with TOKEN_EXPIRED. */
  watchExpiry(socket: RealtimeSocket): void {
    this.forget(socket);
    const delay = Math.max(0, socket.data.expiresAt - Date.now());
    const timer = setTimeout(
      () => {
        this.expiryTimers.delete(socket.id);
        if (Date.now() < socket.data.expiresAt) this.watchExpiry(socket);
        else
          this.close(
            socket,
            AUTH_ERRORS.TOKEN_EXPIRED,
            'The access token expired; reconnect with a fresh one',
          );
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    this.expiryTimers.set(socket.id, timer);
  }

  forget(socket: RealtimeSocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
  }

  /** Tells the client why (`session.closing`), then disconnects it; it does not reconnect by itself. */
  close(socket: RealtimeSocket, code: string, message: string): void {
    if (!socket.connected) return;
    this.metrics.closed.inc({ code });
    socket.emit('session.closing', { code, message });
    socket.disconnect(true);
  }

  /** For a client that stopped reading: no notice can reach it, so its buffers go at once. */
  drop(socket: RealtimeSocket, code: string): void {
    if (!socket.connected) return;
    this.metrics.closed.inc({ code });
    terminate(socket);
  }
}
