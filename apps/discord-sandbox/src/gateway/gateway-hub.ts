import { randomBytes } from 'node:crypto';
import { apiUser, guildCreatePayload } from '../discord/payloads';
import { SandboxStore } from '../domain/sandbox-store';
import { shardOf } from '../domain/snowflake';
import { GatewayConnection, SessionAuthority } from './gateway-connection';
import { CloseCode, Op } from './gateway-protocol';
import { GatewaySession } from './gateway-session';
import { largeThresholdOf } from './guild-create-members';
import { checkIntents, Intents } from './intents';

export interface GatewaySettings {
  heartbeatIntervalMs: number;
  /** How long a session whose connection dropped can still be resumed. */
  resumeWindowMs: number;
  /** Identifies a bot may start per day (`session_start_limit.total`). */
  sessionStartLimit: number;
  maxConcurrency: number;
  /**
   * Enforce Discord's identify pacing: per bot, one IDENTIFY per 5 s in each bucket
   * (`shard_id % max_concurrency`). One too early gets op 9 Invalid Session (`d: false`), as on
   * Discord ("Clients are limited by maximum concurrency when Identifying").
   */
  identifyPacing: boolean;
  /** `GET /gateway/bot` recommends one shard per this many guilds (Discord: about 1 000). */
  guildsPerShard: number;
  /** A shard given more guilds than this is closed with 4011 Sharding required (Discord: 2 500). */
  maxGuildsPerShard: number;
}

/** Discord's identify window: `max_concurrency` IDENTIFYs per this many ms. */
export const IDENTIFY_WINDOW_MS = 5_000;

/** Where a dispatch may go: a guild's shard, and the intent a session must hold to get it. */
export interface DispatchRoute {
  guildId?: string;
  intent?: number;
}

/** A payload, or a function of the receiving session for payloads that depend on its intents. */
export type Payload = object | null | ((session: GatewaySession) => unknown);

export interface SessionInfo {
  sessionId: string;
  botUserId: string;
  shard: [number, number];
  intents: number;
  connected: boolean;
  seq: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Owns every gateway session: authenticates IDENTIFY and RESUME, routes dispatches to the
 * right bot and shard, and carries out gateway faults on request.
 */
export class GatewayHub implements SessionAuthority {
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly connections = new Set<GatewayConnection>();
  private readonly starts = new Map<string, { used: number; resetAt: number }>();
  /** `${botUserId}:${bucket}` → when that bucket last let an IDENTIFY through. */
  private readonly lastIdentify = new Map<string, number>();
  /** IDENTIFYs refused with op 9 for coming too early, per bot. */
  private readonly identifiesTooEarly = new Map<string, number>();

  constructor(
    private readonly store: SandboxStore,
    readonly settings: GatewaySettings,
  ) {}

  /** What `GET /gateway/bot` answers as `shards`. */
  recommendedShards(botUserId: string): number {
    const guilds = this.store.guildsOf(botUserId).length;
    return Math.max(1, Math.ceil(guilds / Math.max(1, this.settings.guildsPerShard)));
  }

  private guildsOnShard(botUserId: string, [shardId, shardCount]: [number, number]): number {
    return this.store
      .guildsOf(botUserId)
      .filter((guild) => shardOf(guild.id, shardCount) === shardId).length;
  }

  accept(connection: GatewayConnection): void {
    this.connections.add(connection);
  }

  // ---- SessionAuthority ----

  identify(connection: GatewayConnection, d: Record<string, unknown>): void {
    const app = typeof d.token === 'string' ? this.store.appByToken(stripBot(d.token)) : undefined;
    if (!app) return connection.close(CloseCode.AuthenticationFailed);

    const shard = parseShard(d.shard);
    if (!shard) return connection.close(CloseCode.InvalidShard);
    const problem = checkIntents(d.intents, app.privilegedIntents);
    if (problem === 'invalid') return connection.close(CloseCode.InvalidIntents);
    if (problem === 'disallowed') return connection.close(CloseCode.DisallowedIntents);
    if (this.guildsOnShard(app.botUserId, shard) > this.settings.maxGuildsPerShard) {
      return connection.close(CloseCode.ShardingRequired);
    }
    if (!this.takeIdentifySlot(app.botUserId, shard[0])) {
      // Not a close: Discord answers op 9 and the client identifies again later.
      this.identifiesTooEarly.set(
        app.botUserId,
        (this.identifiesTooEarly.get(app.botUserId) ?? 0) + 1,
      );
      return connection.send(Op.InvalidSession, false);
    }
    if (!this.takeSessionStart(app.botUserId)) return connection.close(CloseCode.RateLimited);

    const session = new GatewaySession(
      randomBytes(16).toString('hex'),
      app.botUserId,
      app.token,
      shard,
      d.intents as number,
      largeThresholdOf(d.large_threshold),
    );
    this.sessions.set(session.id, session);
    session.attach(connection);
    connection.session = session;

    const guilds = this.store
      .guildsOf(app.botUserId)
      .filter((guild) => shardOf(guild.id, shard[1]) === shard[0]);
    const bot = this.store.users.get(app.botUserId)!;
    session.dispatch('READY', {
      v: 10,
      user: { ...apiUser(bot), verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: connection.gatewayUrl,
      shard,
      application: { id: app.id, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['botdeck-sandbox'],
    });
    for (const guild of guilds) {
      session.dispatch(
        'GUILD_CREATE',
        guildCreatePayload(this.store, guild, app.botUserId, session),
      );
    }
  }

  resume(connection: GatewayConnection, d: Record<string, unknown>): void {
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const token = typeof d.token === 'string' ? stripBot(d.token) : '';
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const missed = session && session.token === token ? session.framesAfter(seq) : null;
    if (!session || !missed) {
      // Not resumable: the client must identify again (discord.js does so on d: false).
      connection.send(Op.InvalidSession, false);
      return;
    }
    const previous = session.connection;
    session.attach(connection);
    connection.session = session;
    if (previous && previous !== connection) {
      previous.session = null;
      previous.close(CloseCode.UnknownError);
    }
    for (const frame of missed) connection.sendRaw(frame);
    session.dispatch('RESUMED', { _trace: ['botdeck-sandbox'] });
  }

  connectionClosed(connection: GatewayConnection): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (!session) return;
    session.detach(connection, this.settings.resumeWindowMs, () => {
      if (!session.connected) this.sessions.delete(session.id);
    });
  }

  // ---- dispatching ----

  /**
   * Sends an event to every session of a bot that should see it (shard and intent). `data`
   * may be a function of the session, for payloads that depend on its intents.
   */
  dispatch(botUserId: string, event: string, data: Payload, route: DispatchRoute = {}): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (session.botUserId !== botUserId) continue;
      const [shardId, shardCount] = session.shard;
      const shardForEvent = route.guildId ? shardOf(route.guildId, shardCount) : 0;
      if (shardForEvent !== shardId) continue;
      if (route.intent !== undefined && (session.intents & route.intent) === 0) continue;
      session.dispatch(event, typeof data === 'function' ? data(session) : data);
      delivered++;
    }
    return delivered;
  }

  /** A bot joined a guild: it learns of it through GUILD_CREATE on the guild's shard. */
  announceGuild(botUserId: string, guildId: string): number {
    const guild = this.store.guilds.get(guildId);
    if (!guild) return 0;
    return this.dispatch(
      botUserId,
      'GUILD_CREATE',
      (session) => guildCreatePayload(this.store, guild, botUserId, session),
      {
        guildId,
        intent: Intents.Guilds,
      },
    );
  }

  hasSession(botUserId: string): boolean {
    for (const session of this.sessions.values()) {
      if (session.botUserId === botUserId && session.connected) return true;
    }
    return false;
  }

  // ---- faults ----

  private connectionsOf(botUserId: string): GatewayConnection[] {
    return [...this.connections].filter((c) => c.session?.botUserId === botUserId && c.open);
  }

  /** Closes the bot's sockets with `code`; sessions stay resumable, as after a network drop. */
  disconnect(botUserId: string, code: number, reason?: string): number {
    const targets = this.connectionsOf(botUserId);
    for (const connection of targets) connection.close(code, reason);
    return targets.length;
  }

  /** Op 7: Discord asks the client to reconnect and resume. */
  requestReconnect(botUserId: string): number {
    const targets = this.connectionsOf(botUserId);
    for (const connection of targets) connection.send(Op.Reconnect, null);
    return targets.length;
  }

  /**
   * Op 9. Either way the socket stays open and the client answers on it: with RESUME when
   * `resumable` (so the session is detached and keeps buffering), else with a fresh IDENTIFY
   * after reconnecting (so the session is forgotten).
   */
  invalidateSessions(botUserId: string, resumable: boolean): number {
    const targets = this.connectionsOf(botUserId);
    for (const connection of targets) {
      const session = connection.session;
      connection.session = null;
      if (session && resumable) {
        session.detach(connection, this.settings.resumeWindowMs, () => {
          if (!session.connected) this.sessions.delete(session.id);
        });
      } else if (session) {
        session.cancelExpiry();
        session.connection = null;
        this.sessions.delete(session.id);
      }
      connection.send(Op.InvalidSession, resumable);
    }
    return targets.length;
  }

  setHeartbeatAcks(botUserId: string, enabled: boolean): number {
    const targets = this.connectionsOf(botUserId);
    for (const connection of targets) connection.acksHeartbeats = enabled;
    return targets.length;
  }

  // ---- bookkeeping ----

  sessionStartLimit(botUserId: string): Record<string, number> {
    const entry = this.startsFor(botUserId);
    return {
      total: this.settings.sessionStartLimit,
      remaining: this.settings.sessionStartLimit - entry.used,
      reset_after: Math.max(0, entry.resetAt - Date.now()),
      max_concurrency: this.settings.maxConcurrency,
    };
  }

  describe(): SessionInfo[] {
    return [...this.sessions.values()].map((s) => ({
      sessionId: s.id,
      botUserId: s.botUserId,
      shard: s.shard,
      intents: s.intents,
      connected: s.connected,
      seq: s.seq,
    }));
  }

  /** Ends every connection and forgets every session (reset and shutdown). */
  closeAll(code: number = CloseCode.SessionTimedOut): void {
    for (const connection of [...this.connections]) connection.close(code);
    for (const session of this.sessions.values()) session.cancelExpiry();
    this.sessions.clear();
    this.starts.clear();
    this.lastIdentify.clear();
    this.identifiesTooEarly.clear();
  }

  private startsFor(botUserId: string): { used: number; resetAt: number } {
    let entry = this.starts.get(botUserId);
    if (!entry || entry.resetAt <= Date.now()) {
      entry = { used: 0, resetAt: Date.now() + DAY_MS };
      this.starts.set(botUserId, entry);
    }
    return entry;
  }

  private takeIdentifySlot(botUserId: string, shardId: number): boolean {
    if (!this.settings.identifyPacing) return true;
    const key = `${botUserId}:${shardId % Math.max(1, this.settings.maxConcurrency)}`;
    const now = Date.now();
    const last = this.lastIdentify.get(key);
    if (last !== undefined && now - last < IDENTIFY_WINDOW_MS) return false;
    this.lastIdentify.set(key, now);
    return true;
  }

  /** IDENTIFYs refused for coming faster than `max_concurrency` per 5 s, by bot user id. */
  identifyRejections(): Record<string, number> {
    return Object.fromEntries(this.identifiesTooEarly);
  }

  private takeSessionStart(botUserId: string): boolean {
    const entry = this.startsFor(botUserId);
    if (entry.used >= this.settings.sessionStartLimit) return false;
    entry.used++;
    return true;
  }
}

function stripBot(token: string): string {
  return token.replace(/^Bot\s+/i, '');
}

function parseShard(raw: unknown): [number, number] | null {
  if (raw === undefined || raw === null) return [0, 1];
  if (!Array.isArray(raw) || raw.length !== 2) return null;
  const [id, count] = raw as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  if ((count as number) < 1 || (id as number) < 0 || (id as number) >= (count as number))
    return null;
  return [id as number, count as number];
}
