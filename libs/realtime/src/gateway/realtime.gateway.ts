import { AUTH_ERRORS, Authenticator } from '@botdeck/auth';
import { AppError, ForbiddenError, toErrorEnvelope } from '@botdeck/core';
import { Inject, Logger } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { realtimeConfig, type RealtimeConfig } from '../realtime.config';
import { REALTIME_ERRORS } from '../realtime.errors';
import { RealtimeMetrics } from '../realtime.metrics';
import type { RealtimeError, RefreshAck } from '../realtime.protocol';
import { SocketSessions } from './socket-sessions';
import { type RealtimeServer, type RealtimeSocket, tokenExpiry, userRoom } from './socket-session';
import { TopicSubscriptions } from './topic-subscriptions';

/**
 * socket.io at `/realtime` (the path and limits are set by `RealtimeIoAdapter`). A handshake
 * must carry an access token (`auth.token`); a refused one gets a `connect_error` whose `data`
 * is the error envelope. Accepted sockets follow topics (`subscribe` / `unsubscribe`) and keep
 * their session alive with `auth:refresh`.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(RealtimeGateway.name);
  private ioServer: RealtimeServer | null = null;
  /** Handshakes accepted here but not yet connected, per user: counted against the cap too. */
  private readonly admitting = new Map<string, number>();
  private readonly releases = new WeakMap<RealtimeSocket, () => void>();

  constructor(
    private readonly authenticator: Authenticator,
    private readonly sessions: SocketSessions,
    private readonly subscriptions: TopicSubscriptions,
    private readonly metrics: RealtimeMetrics,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
  ) {}

  /** The socket.io server, once the gateway is attached. */
  get server(): RealtimeServer | null {
    return this.ioServer;
  }

  afterInit(server: RealtimeServer): void {
    this.ioServer = server;
    server.use((socket, next) => {
      this.admit(server, socket).then(
        () => next(),
        (error: unknown) => next(refusal(error, socket.id)),
      );
    });
  }

  handleConnection(socket: RealtimeSocket): void {
    this.metrics.connected();
    void socket.join(userRoom(socket.data.userId));
    this.releases.get(socket)?.();
    this.sessions.watchExpiry(socket);
    socket.on('subscribe', (request: unknown, ack?: unknown) => {
      const [body, reply] = splitAck(request, ack);
      const { result, joined } = this.subscriptions.subscribe(socket, body);
      reply(result);
      this.subscriptions.sendSnapshots(socket, joined);
    });
    socket.on('unsubscribe', (request: unknown, ack?: unknown) => {
      const [body, reply] = splitAck(request, ack);
      reply(this.subscriptions.unsubscribe(socket, body));
    });
    socket.on('auth:refresh', (request: unknown, ack?: unknown) => {
      const [body, reply] = splitAck(request, ack);
      void this.refresh(socket, body).then(reply);
    });
  }

  handleDisconnect(socket: RealtimeSocket): void {
    this.metrics.disconnected();
    this.sessions.forget(socket);
  }

  /** Authenticates the handshake and holds the user to their connection cap. */
  private async admit(server: RealtimeServer, socket: RealtimeSocket): Promise<void> {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) {
      throw new AppError(
        AUTH_ERRORS.TOKEN_MISSING,
        401,
        'Send an access token in the handshake: io(url, { auth: { token } })',
      );
    }
    const { user, claims } = await this.authenticator.authenticate(token);
    const release = this.hold(user.id);
    // A handshake whose client leaves before connecting never reaches handleConnection.
    socket.conn.once('close', release);
    this.releases.set(socket, release);
    const others = (this.admitting.get(user.id) ?? 1) - 1;
    const open = others + (await this.countSockets(server, user.id));
    if (open >= this.config.maxConnectionsPerUser) {
      release();
      throw new AppError(
        REALTIME_ERRORS.REALTIME_CONNECTION_LIMIT,
        429,
        `At most ${this.config.maxConnectionsPerUser} realtime connections per user; close one first`,
      );
    }
    socket.data = {
      userId: user.id,
      loginId: claims.sid,
      role: user.role,
      expiresAt: tokenExpiry(token),
    };
  }

  /** Counts a handshake under way; the returned release (idempotent) uncounts it. */
  private hold(userId: string): () => void {
    this.admitting.set(userId, (this.admitting.get(userId) ?? 0) + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const left = (this.admitting.get(userId) ?? 1) - 1;
      if (left > 0) this.admitting.set(userId, left);
      else this.admitting.delete(userId);
    };
  }

  /**
   * The user's open sockets on every instance (the Redis adapter asks them all). If another
   * instance does not answer in time, this one's count stands: a cap that holds locally beats
   * refusing everyone while an instance is slow.
   */
  private async countSockets(server: RealtimeServer, userId: string): Promise<number> {
    try {
      return (await server.in(userRoom(userId)).fetchSockets()).length;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not count sockets across instances; counting here');
      return (await server.local.in(userRoom(userId)).fetchSockets()).length;
    }
  }

  private async refresh(socket: RealtimeSocket, request: unknown): Promise<RefreshAck> {
    const token = (request as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || token.length === 0) {
      return { error: invalidPayload('Send { token: "<a fresh access token>" }') };
    }
    try {
      const { user, claims } = await this.authenticator.authenticate(token);
      if (user.id !== socket.data.userId) {
        throw new ForbiddenError(
          'This token belongs to another user; open a new connection for them',
          REALTIME_ERRORS.TOKEN_USER_MISMATCH,
        );
      }
      socket.data.loginId = claims.sid;
      socket.data.expiresAt = tokenExpiry(token);
      this.sessions.watchExpiry(socket);
      this.subscriptions.applyRole(socket, user.role);
      return { expiresAt: new Date(socket.data.expiresAt).toISOString() };
    } catch (error) {
      const { body } = toErrorEnvelope(error, socket.id);
      return { error: { code: body.code, message: body.message } };
    }
  }
}

function invalidPayload(message: string): RealtimeError {
  return { code: REALTIME_ERRORS.REALTIME_PAYLOAD_INVALID, message };
}

/** The `connect_error` a refused handshake gets: its `data` is the error envelope. */
function refusal(error: unknown, socketId: string): Error {
  const { body } = toErrorEnvelope(error, socketId);
  return Object.assign(new Error(body.message), { data: body });
}

/**
 * A client may send an event with or without a payload, with or without an acknowledgement:
 * whatever arrives, the handler gets a payload (maybe undefined) and a reply that is safe to call.
 */
function splitAck(request: unknown, ack: unknown): [unknown, (value: unknown) => void] {
  if (typeof request === 'function') return [undefined, request as (value: unknown) => void];
  if (typeof ack === 'function') return [request, ack as (value: unknown) => void];
  return [request, () => undefined];
}
