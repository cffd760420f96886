import { DEFAULT_LARGE_THRESHOLD } from './guild-create-members';

/**
 * What a session needs of the connection it is attached to (SessionConnection is one); declared
 * here so the session and the connection do not import each other.
 */
export interface SessionConnection {
  session: GatewaySession | null;
  sendRaw(data: string): void;
  close(code: number): void;
}

/** Dispatches kept for RESUME; a client further behind than this must identify afresh. */
const REPLAY_BUFFER = 2000;

/**
 * A gateway session outlives its connections: it owns the sequence numbers and the recent
 * dispatches, so a client that reconnects with RESUME gets exactly what it missed.
 */
export class GatewaySession {
  seq = 0;
  connection: SessionConnection | null = null;
  private readonly buffer: { s: number; frame: string }[] = [];
  private expiry: NodeJS.Timeout | null = null;

  constructor(
    readonly id: string,
    readonly botUserId: string,
    readonly token: string,
    readonly shard: [number, number],
    readonly intents: number,
    /** IDENTIFY's `large_threshold`, clamped as Discord does. */
    readonly largeThreshold = DEFAULT_LARGE_THRESHOLD,
  ) {}

  get connected(): boolean {
    return this.connection !== null;
  }

  /** Numbers and records a dispatch; sends it now if connected, else keeps it for RESUME. */
  dispatch(t: string, d: unknown): void {
    const s = ++this.seq;
    const frame = JSON.stringify({ op: 0, t, s, d });
    this.buffer.push({ s, frame });
    if (this.buffer.length > REPLAY_BUFFER) this.buffer.shift();
    this.connection?.sendRaw(frame);
  }

  /** Frames after `seq`, or null when some of them are no longer held. */
  framesAfter(seq: number): string[] | null {
    if (seq > this.seq) return null;
    const oldest = this.buffer[0]?.s ?? this.seq + 1;
    if (seq + 1 < oldest) return null;
    return this.buffer.filter((entry) => entry.s > seq).map((entry) => entry.frame);
  }

  attach(connection: SessionConnection): void {
    this.cancelExpiry();
    this.connection = connection;
  }

  /** Leaves the session resumable for `windowMs`, then lets `onExpire` forget it. */
  detach(connection: SessionConnection, windowMs: number, onExpire: () => void): void {
    if (this.connection !== connection) return;
    this.connection = null;
    this.cancelExpiry();
    this.expiry = setTimeout(onExpire, windowMs);
    this.expiry.unref();
  }

  cancelExpiry(): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
  }
}
