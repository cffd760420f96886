import { DiscordErrors } from '../discord/discord-error';
import { apiUser } from '../discord/payloads';
import { ApiMessage, SandboxChannel, SandboxUser } from '../domain/entities';
import { SandboxStore } from '../domain/sandbox-store';
import { GatewayHub } from '../gateway/gateway-hub';
import { GatewaySession } from '../gateway/gateway-session';
import { Intents } from '../gateway/intents';
import { channelPermissions, hasPermission, Permissions } from '../permissions/permissions';
import { MessageNonces } from './message-nonces';
import { AllowedMentions, MessageBody, validateMessageBody } from './message-validation';

/** How long `enforce_nonce` remembers a nonce: Discord says "the past few minutes". */
export const NONCE_WINDOW_MS = 5 * 60_000;

export const MessageFlags = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

export interface CreateMessageExtras {
  type?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: Record<string, unknown>;
  /** Ephemeral messages are seen by one user only: not in history, not dispatched. */
  ephemeral?: boolean;
  extraFlags?: number;
}

/**
 * Creates, edits and deletes channel messages and tells the bots in the guild about it
 * (MESSAGE_CREATE / UPDATE / DELETE), honouring GuildMessages and MessageContent intents.
 */
export class MessagesService {
  readonly nonces = new MessageNonces(NONCE_WINDOW_MS);

  constructor(
    private readonly store: SandboxStore,
    private readonly gateway: GatewayHub,
  ) {}

  /**
   * The channel, if `userId` can see it: 10003 if it does not exist, 50001 (Missing Access) if
   * the user is not in the guild or lacks View Channel there, as on Discord.
   */
  accessibleChannel(channelId: string, userId: string): SandboxChannel {
    const channel = this.store.channels.get(channelId);
    if (!channel) throw DiscordErrors.unknownChannel();
    if (!this.store.isMember(channel.guildId, userId)) throw DiscordErrors.missingAccess();
    if (!this.can(channel, userId, Permissions.ViewChannel)) throw DiscordErrors.missingAccess();
    return channel;
  }

  /** 50013 (Missing Permissions) unless `userId` holds `flag` in the channel. */
  requirePermission(channel: SandboxChannel, userId: string, flag: bigint): void {
    if (!this.can(channel, userId, flag)) throw DiscordErrors.missingPermissions();
  }

  can(channel: SandboxChannel, userId: string, flag: bigint): boolean {
    const guild = this.store.guilds.get(channel.guildId);
    return guild !== undefined && hasPermission(channelPermissions(guild, channel, userId), flag);
  }

  /**
   * `POST /channels/{id}/messages` by a bot: needs Send Messages, and with `enforce_nonce` a
   * nonce already used by the same author in the channel returns that message, unposted again.
   */
  send(channel: SandboxChannel, author: SandboxUser, rawBody: unknown): ApiMessage {
    const body = validateMessageBody(rawBody, 'create');
    this.requirePermission(channel, author.id, Permissions.SendMessages);
    const enforced = body.enforce_nonce === true && body.nonce !== undefined && body.nonce !== null;
    if (enforced) {
      const firstId = this.nonces.find(channel.id, author.id, body.nonce!);
      const first = firstId === undefined ? undefined : this.store.message(firstId);
      if (first) return first;
    }
    const message = this.createValidated(channel, author, body);
    if (enforced) this.nonces.remember(channel.id, author.id, body.nonce!, message.id);
    return message;
  }

  messageIn(channel: SandboxChannel, messageId: string): ApiMessage {
    const message = this.store.message(messageId);
    if (!message || message.channel_id !== channel.id) throw DiscordErrors.unknownMessage();
    return message;
  }

  create(
    channel: SandboxChannel,
    author: SandboxUser,
    rawBody: unknown,
    extras: CreateMessageExtras = {},
  ): ApiMessage {
    const body = validateMessageBody(rawBody, 'create');
    return this.createValidated(channel, author, body, extras);
  }

  createValidated(
    channel: SandboxChannel,
    author: SandboxUser,
    body: MessageBody,
    extras: CreateMessageExtras = {},
  ): ApiMessage {
    const flags =
      ((body.flags ?? 0) & MessageFlags.Ephemeral) |
      (extras.extraFlags ?? 0) |
      (extras.ephemeral ? MessageFlags.Ephemeral : 0);
    const message: ApiMessage = {
      id: this.store.ids.next(),
      channel_id: channel.id,
      guild_id: channel.guildId,
      author: apiUser(author),
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts ?? false,
      ...this.mentionsIn(channel, author, body.content, body.allowed_mentions),
      attachments: [],
      embeds: (body.embeds ?? []).map(normaliseEmbed),
      components: body.components ?? [],
      pinned: false,
      type: extras.type ?? 0,
      flags,
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
      ...(extras.webhookId ? { webhook_id: extras.webhookId } : {}),
      ...(extras.applicationId ? { application_id: extras.applicationId } : {}),
      ...(extras.interactionMetadata ? { interaction_metadata: extras.interactionMetadata } : {}),
      ...(body.message_reference ? { message_reference: body.message_reference } : {}),
    };
    const ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
    this.store.saveMessage(message, { inChannel: !ephemeral });
    if (!ephemeral) this.announce('MESSAGE_CREATE', channel, message);
    return message;
  }

  edit(
    channel: SandboxChannel,
    message: ApiMessage,
    rawBody: unknown,
    options: { clearFlags?: number } = {},
  ): ApiMessage {
    const body = validateMessageBody(rawBody, 'edit');
    if (body.content !== undefined) {
      message.content = body.content ?? '';
      const author = this.store.users.get(message.author.id);
      if (author)
        Object.assign(
          message,
          this.mentionsIn(channel, author, message.content, body.allowed_mentions),
        );
    }
    if (body.embeds !== undefined)
      message.embeds = (body.embeds ?? []).map((e) => ({ type: 'rich', ...e }));
    if (body.components !== undefined) message.components = body.components ?? [];
    if (options.clearFlags) message.flags &= ~options.clearFlags;
    message.edited_timestamp = new Date().toISOString();
    if ((message.flags & MessageFlags.Ephemeral) === 0)
      this.announce('MESSAGE_UPDATE', channel, message);
    return message;
  }

  /** Removes a message and tells the bots that can see the channel (MESSAGE_DELETE). */
  delete(channel: SandboxChannel, message: ApiMessage): void {
    this.store.deleteMessage(message.id);
    if ((message.flags & MessageFlags.Ephemeral) !== 0) return;
    for (const botUserId of this.botsIn(channel)) {
      this.gateway.dispatch(
        botUserId,
        'MESSAGE_DELETE',
        { id: message.id, channel_id: channel.id, guild_id: channel.guildId },
        { guildId: channel.guildId, intent: Intents.GuildMessages },
      );
    }
  }

  /**
   * Page of a channel's history, newest first as Discord returns it, bounded by before/after.
   */
  list(
    channel: SandboxChannel,
    query: { limit?: number; before?: string; after?: string },
  ): ApiMessage[] {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 100);
    let list = this.store.messagesIn(channel.id);
    if (query.before) list = list.filter((m) => BigInt(m.id) < BigInt(query.before!));
    if (query.after) {
      return list
        .filter((m) => BigInt(m.id) > BigInt(query.after!))
        .slice(0, limit)
        .reverse();
    }
    return list.slice(-limit).reverse();
  }

  private announce(
    event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE',
    channel: SandboxChannel,
    message: ApiMessage,
  ): void {
    for (const botUserId of this.botsIn(channel)) {
      const payload = (session: GatewaySession) => this.visibleTo(message, session);
      this.gateway.dispatch(botUserId, event, payload, {
        guildId: channel.guildId,
        intent: Intents.GuildMessages,
      });
    }
  }

  /** Without MessageContent a bot sees no content, except in its own messages and mentions. */
  private visibleTo(message: ApiMessage, session: GatewaySession): ApiMessage {
    if ((session.intents & Intents.MessageContent) !== 0) return message;
    if (message.author.id === session.botUserId) return message;
    if (message.mentions.some((user) => user.id === session.botUserId)) return message;
    return { ...message, content: '', embeds: [], components: [], attachments: [] };
  }

  /** The bots that receive a channel's message events: those in the guild that can see it. */
  private botsIn(channel: SandboxChannel): string[] {
    const guild = this.store.guilds.get(channel.guildId);
    if (!guild) return [];
    return [...guild.members.keys()].filter(
      (id) => this.store.users.get(id)?.bot && this.can(channel, id, Permissions.ViewChannel),
    );
  }

  /**
   * Who a message pings, as Discord resolves it: user and role mentions in the content that
   * exist, and @everyone / @here for an author allowed to use them, each kept only when
   * `allowed_mentions` lets it through (no `allowed_mentions` at all lets everything through).
   */
  private mentionsIn(
    channel: SandboxChannel,
    author: SandboxUser,
    content: string | undefined,
    allowed: AllowedMentions | null | undefined,
  ): Pick<ApiMessage, 'mentions' | 'mention_roles' | 'mention_everyone'> {
    const text = content ?? '';
    const lets = (kind: 'users' | 'roles' | 'everyone', id?: string): boolean =>
      !allowed ||
      (allowed.parse ?? []).includes(kind) ||
      (kind !== 'everyone' && id !== undefined && (allowed[kind] ?? []).includes(id));
    const guild = this.store.guilds.get(channel.guildId);
    const userIds = new Set([...text.matchAll(/<@!?(\d{17,20})>/g)].map((match) => match[1]));
    const roleIds = new Set([...text.matchAll(/<@&(\d{17,20})>/g)].map((match) => match[1]));
    return {
      mentions: [...userIds]
        .filter((id) => lets('users', id))
        .map((id) => this.store.users.get(id))
        .filter((user): user is SandboxUser => user !== undefined)
        .map(apiUser),
      mention_roles: [...roleIds].filter((id) => guild?.roles.has(id) && lets('roles', id)),
      mention_everyone:
        /@(everyone|here)/.test(text) &&
        lets('everyone') &&
        this.can(channel, author.id, Permissions.MentionEveryone),
    };
  }
}

/** Discord stores embeds with their defaults filled in: type "rich", fields not inline. */
function normaliseEmbed(embed: Record<string, unknown>): Record<string, unknown> {
  const fields = Array.isArray(embed.fields)
    ? (embed.fields as Record<string, unknown>[]).map((field) => ({ inline: false, ...field }))
    : undefined;
  return { type: 'rich', ...embed, ...(fields ? { fields } : {}) };
}
