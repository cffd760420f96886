import { WebSocket } from 'ws';
import { CLOSE_REASONS, CloseCode, frame, GatewayFrame, Op } from './gateway-protocol';
import type { GatewaySession } from './gateway-session';

/** What a connection asks of the hub that owns sessions. */
export interface SessionAuthority {
  identify(connection: GatewayConnection, d: Record<string, unknown>): void;
  resume(connection: GatewayConnection, d: Record<string, unknown>): void;
  connectionClosed(connection: GatewayConnection): void;
}

/**
 * One WebSocket from a client: says HELLO, answers heartbeats and hands IDENTIFY / RESUME to
 * the hub. Protocol mistakes close the socket with Discord's close codes.
 */
export class GatewayConnection {
  session: GatewaySession | null = null;
  /** Switched off by a fault to play a zombie connection that the client must notice. */
  acksHeartbeats = true;
  lastHeartbeatAt: number | null = null;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly authority: SessionAuthority,
    /** The gateway URL this client reached us on: READY's `resume_gateway_url`. */
    readonly gatewayUrl: string,
    heartbeatIntervalMs: number,
  ) {
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
    ws.on('close', () => this.onClosed());
    ws.on('error', () => this.onClosed());
    this.sendRaw(
      frame(Op.Hello, { heartbeat_interval: heartbeatIntervalMs, _trace: ['botdeck-sandbox'] }),
    );
  }

  get open(): boolean {
    return !this.closed && this.ws.readyState === WebSocket.OPEN;
  }

  sendRaw(data: string): void {
    if (this.open) this.ws.send(data);
  }

  send(op: number, d: unknown): void {
    this.sendRaw(frame(op, d));
  }

  close(code: number, reason = CLOSE_REASONS[code] ?? ''): void {
    if (this.closed) return;
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
    // The session must become resumable at once, not when the client gets round to closing.
    this.onClosed();
  }

  /** Drops the socket without a close frame, as a network failure would. */
  terminate(): void {
    this.ws.terminate();
    this.onClosed();
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    let payload: GatewayFrame;
    try {
      if (isBinary) throw new Error('binary frames need compression, which is not supported');
      payload = JSON.parse(data.toString('utf8')) as GatewayFrame;
      if (typeof payload !== 'object' || payload === null || typeof payload.op !== 'number') {
        throw new Error('not a gateway payload');
      }
    } catch {
      this.close(CloseCode.DecodeError);
      return;
    }
    const d = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<
      string,
      unknown
    >;
    switch (payload.op) {
      case Op.Heartbeat:
        this.lastHeartbeatAt = Date.now();
        if (this.acksHeartbeats) this.send(Op.HeartbeatAck, null);
        return;
      case Op.Identify:
        if (this.session) return this.close(CloseCode.AlreadyAuthenticated);
        return this.authority.identify(this, d);
      case Op.Resume:
        if (this.session) return this.close(CloseCode.AlreadyAuthenticated);
        return this.authority.resume(this, d);
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
      case Op.RequestSoundboardSounds:
        // Accepted and ignored: the sandbox has no presences or voice to update.
        if (!this.session) this.close(CloseCode.NotAuthenticated);
        return;
      default:
        this.close(CloseCode.UnknownOpcode);
    }
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.authority.connectionClosed(this);
  }
}
