import type { ApiCommand, ApiMessage } from '../domain/entities';
import type { InitialResponse } from '../interactions/interaction-record';
import type { PlayInteractionInput } from '../interactions/interactions.service';

export interface CreatedBot {
  token: string;
  applicationId: string;
  userId: string;
}

export interface PlayedInteraction {
  interactionId: string;
  token: string;
  /** Whether a connected session of the bot received INTERACTION_CREATE (or it went over HTTP). */
  delivered: boolean;
  /** The bot's initial response, or null if none came within `waitMs`. */
  response: InitialResponse | null;
  /** Over HTTP: why the endpoint's answer could not be used, else null. */
  deliveryError: string | null;
}

export interface InteractionState {
  interactionId: string;
  type: number;
  name: string;
  response: InitialResponse | null;
  deliveryError: string | null;
  original: ApiMessage | null;
  followUps: ApiMessage[];
}

/** What `POST /_sandbox/interactions` takes: the interaction, and how long to wait for its answer. */
export type PlayInteractionRequest = PlayInteractionInput & { waitMs?: number };

export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Sandbox control API answered ${status}: ${JSON.stringify(body)}`);
  }
}

/**
 * A typed client for the control API over HTTP — what Botdeck's tests and worker use to play
 * users and inject faults, usable against an embedded or a standalone sandbox alike.
 */
export class SandboxControlClient {
  constructor(readonly baseUrl: string) {}

  createBot(username: string, options: { privilegedIntents?: boolean } = {}): Promise<CreatedBot> {
    return this.request('POST', '/bots', { username, ...options });
  }

  /** `id` fixes the guild's snowflake, and with it the shard the guild falls on. */
  async createGuild(name: string, options: { id?: string } = {}): Promise<string> {
    return (await this.request<{ id: string }>('POST', '/guilds', { name, ...options })).id;
  }

  async createChannel(guildId: string, name: string): Promise<string> {
    return (await this.request<{ id: string }>('POST', `/guilds/${guildId}/channels`, { name })).id;
  }

  addBotToGuild(guildId: string, userId: string): Promise<{ added: boolean; announced: number }> {
    return this.request('POST', `/guilds/${guildId}/bots`, { userId });
  }

  playInteraction(input: PlayInteractionRequest): Promise<PlayedInteraction> {
    return this.request('POST', '/interactions', input);
  }

  interaction(
    id: string,
    wait: { waitFor?: 'response' | 'original' | 'followUps'; count?: number; waitMs?: number } = {},
  ): Promise<InteractionState> {
    const query = new URLSearchParams(
      Object.entries(wait)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
    return this.request('GET', `/interactions/${id}${query ? `?${query}` : ''}`);
  }

  commands(
    applicationId: string,
  ): Promise<{ global: ApiCommand[]; guilds: Record<string, ApiCommand[]> }> {
    return this.request('GET', `/applications/${applicationId}/commands`);
  }

  channelMessages(channelId: string): Promise<ApiMessage[]> {
    return this.request('GET', `/channels/${channelId}/messages`);
  }

  postUserMessage(
    channelId: string,
    user: { id: string; username: string },
    content: string,
  ): Promise<ApiMessage> {
    return this.request('POST', `/channels/${channelId}/messages`, { user, content });
  }

  /** A moderator (a person, not a bot) deletes a message; the guild's bots get MESSAGE_DELETE. */
  deleteMessage(channelId: string, messageId: string): Promise<{ deleted: true }> {
    return this.request('DELETE', `/channels/${channelId}/messages/${messageId}`);
  }

  async createRole(guildId: string, name: string, permissions: bigint = 0n): Promise<string> {
    const body = { name, permissions: permissions.toString() };
    return (await this.request<{ id: string }>('POST', `/guilds/${guildId}/roles`, body)).id;
  }

  setMemberRole(
    guildId: string,
    userId: string,
    roleId: string,
    held: boolean,
  ): Promise<{ roles: string[] }> {
    return this.request(
      held ? 'PUT' : 'DELETE',
      `/guilds/${guildId}/members/${userId}/roles/${roleId}`,
    );
  }

  /**
   * Sets a channel overwrite for a role (`type: 0`; the guild id is @everyone) or a member
   * (`type: 1`), as Discord's `PUT /channels/{id}/permissions/{overwrite_id}` does.
   */
  setPermissionOverwrite(
    channelId: string,
    overwriteId: string,
    overwrite: { type: 0 | 1; allow?: bigint; deny?: bigint },
  ): Promise<{ id: string; type: 0 | 1; allow: string; deny: string }> {
    return this.request('PUT', `/channels/${channelId}/permissions/${overwriteId}`, {
      type: overwrite.type,
      allow: (overwrite.allow ?? 0n).toString(),
      deny: (overwrite.deny ?? 0n).toString(),
    });
  }

  removePermissionOverwrite(channelId: string, overwriteId: string): Promise<{ removed: boolean }> {
    return this.request('DELETE', `/channels/${channelId}/permissions/${overwriteId}`);
  }

  /** A member's permissions in a channel, as Discord computes them. */
  async channelPermissions(channelId: string, userId: string): Promise<bigint> {
    const { permissions } = await this.request<{ permissions: string }>(
      'GET',
      `/channels/${channelId}/permissions/${userId}`,
    );
    return BigInt(permissions);
  }

  closeGateway(userId: string, code?: number): Promise<{ closed: number }> {
    return this.request(
      'POST',
      `/bots/${userId}/gateway/close`,
      code === undefined ? {} : { code },
    );
  }

  requestReconnect(userId: string): Promise<{ sent: number }> {
    return this.request('POST', `/bots/${userId}/gateway/reconnect`, {});
  }

  setHeartbeatAcks(userId: string, enabled: boolean): Promise<{ connections: number }> {
    return this.request('POST', `/bots/${userId}/gateway/heartbeat-acks`, { enabled });
  }

  injectHttpFault(fault: {
    route?: string;
    botUserId?: string;
    status: number;
    count?: number;
    retryAfterMs?: number;
  }) {
    return this.request<{ id: number }>('POST', '/faults/http', fault);
  }

  injectLatency(fault: { route?: string; botUserId?: string; ms: number }) {
    return this.request<{ id: number }>('POST', '/faults/latency', fault);
  }

  clearFaults(): Promise<{ cleared: number }> {
    return this.request('DELETE', '/faults');
  }

  setRateLimits(settings: {
    enabled?: boolean;
    globalPerSecond?: number;
    buckets?: Record<string, { limit: number; windowMs: number }>;
  }): Promise<unknown> {
    return this.request('PUT', '/rate-limits', settings);
  }

  stats(): Promise<SandboxStatsResponse> {
    return this.request('GET', '/stats');
  }

  reset(): Promise<{ ok: true }> {
    return this.request('POST', '/reset', {});
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new SandboxControlError(response.status, parsed);
    return parsed as T;
  }
}

export interface SandboxStatsResponse {
  http: {
    routes: {
      route: string;
      botUserId: string;
      requests: number;
      rateLimited: number;
      serverErrors: number;
    }[];
    /** Per rate-limit bucket (family + major parameter, e.g. `messageEdit` + channel id) and bot. */
    buckets: {
      bucket: string;
      major: string;
      botUserId: string;
      requests: number;
      rateLimited: number;
    }[];
    /** Successful `PATCH /channels/{id}/messages/{id}` per message. */
    messageEdits: { channelId: string; messageId: string; edits: number }[];
    totals: { requests: number; rateLimited: number; serverErrors: number };
  };
  gateway: {
    connected: number;
    sessions: {
      sessionId: string;
      botUserId: string;
      shard: [number, number];
      connected: boolean;
      seq: number;
    }[];
    /** IDENTIFYs refused with op 9 for coming faster than max_concurrency per 5 s, by bot. */
    identifiesTooEarly: Record<string, number>;
  };
}
