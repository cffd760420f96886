import { DiscordErrors } from '../discord/discord-error';
import { apiUser } from '../discord/payloads';
import { ApiMessage, SandboxChannel, SandboxUser } from '../domain/entities';
import { SandboxStore } from '../domain/sandbox-store';
import { GatewayHub } from '../gateway/gateway-hub';
import { GatewaySession } from '../gateway/gateway-session';
import { Intents } from '../gateway/intents';
import { MessageBody, validateMessageBody } from './message-validation';

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
  constructor(
    private readonly store: SandboxStore,
    private readonly gateway: GatewayHub,
  ) {}

  /** The channel, if `userId` can see it: 10003 if it does not exist, 50001 if not a member. */
  accessibleChannel(channelId: string, userId: string): SandboxChannel {
    const channel = this.store.channels.get(channelId);
    if (!channel) throw DiscordErrors.unknownChannel();
    if (!this.store.isMember(channel.guildId, userId)) throw DiscordErrors.missingAccess();
    return channel;
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
      mention_everyone: false,
      mentions: this.mentionsIn(body.content),
      mention_roles: [],
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
      message.mentions = this.mentionsIn(message.content);
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

  delete(channel: SandboxChannel, message: ApiMessage): void {
    this.store.deleteMessage(message.id);
    if ((message.flags & MessageFlags.Ephemeral) !== 0) return;
    for (const botUserId of this.botsIn(channel.guildId)) {
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
    for (const botUserId of this.botsIn(channel.guildId)) {
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

  private botsIn(guildId: string): string[] {
    const guild = this.store.guilds.get(guildId);
    if (!guild) return [];
    return [...guild.members.keys()].filter((id) => this.store.users.get(id)?.bot);
  }

  private mentionsIn(content: string | undefined): ApiMessage['mentions'] {
    if (!content) return [];
    const ids = new Set([...content.matchAll(/<@!?(\d{17,20})>/g)].map((match) => match[1]));
    return [...ids]
      .map((id) => this.store.users.get(id))
      .filter((user): user is SandboxUser => user !== undefined)
      .map(apiUser);
  }
}

/** Discord stores embeds with their defaults filled in: type "rich", fields not inline. */
function normaliseEmbed(embed: Record<string, unknown>): Record<string, unknown> {
  const fields = Array.isArray(embed.fields)
    ? (embed.fields as Record<string, unknown>[]).map((field) => ({ inline: false, ...field }))
    : undefined;
  return { type: 'rich', ...embed, ...(fields ? { fields } : {}) };
}
