import { DiscordErrors } from '../discord/discord-error';
import { ApiMessage } from '../domain/entities';
import { SandboxStore } from '../domain/sandbox-store';
import { MessageFlags, MessagesService } from '../messages/messages.service';
import { InteractionRecord } from './interaction-record';
import { InteractionsService } from './interactions.service';

/**
 * The webhook side of an interaction: the original response (`@original`) and follow-ups,
 * usable with the interaction token for 15 minutes after the interaction was created.
 */
export class InteractionWebhooksService {
  constructor(
    private readonly store: SandboxStore,
    private readonly interactions: InteractionsService,
    private readonly messages: MessagesService,
  ) {}

  /** `@original` (as sent, or URL-decoded) or a follow-up's id. */
  message(
    applicationId: string,
    token: string,
    messageId: string,
  ): { record: InteractionRecord; message: ApiMessage } {
    const record = this.interactions.byWebhookToken(applicationId, token);
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const ours =
      id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
    const message = ours ? this.store.message(id) : undefined;
    if (!message) throw DiscordErrors.unknownMessage();
    return { record, message };
  }

  edit(applicationId: string, token: string, messageId: string, body: unknown): ApiMessage {
    const { record, message } = this.message(applicationId, token, messageId);
    const channel = this.channelOf(message);
    // Editing a deferred response is how it stops "thinking".
    const edited = this.messages.edit(channel, message, body, { clearFlags: MessageFlags.Loading });
    record.changed();
    return edited;
  }

  delete(applicationId: string, token: string, messageId: string): void {
    const { record, message } = this.message(applicationId, token, messageId);
    this.messages.delete(this.channelOf(message), message);
    if (record.originalMessageId === message.id) record.originalMessageId = null;
    record.changed();
  }

  /** `POST /webhooks/{appId}/{token}`: only after the interaction has been acknowledged. */
  followUp(applicationId: string, token: string, body: unknown): ApiMessage {
    const record = this.interactions.byWebhookToken(applicationId, token);
    if (!record.initial) throw DiscordErrors.unknownWebhook();
    const channel = this.store.channels.get(record.channelId);
    const bot = this.store.users.get(record.botUserId);
    if (!channel || !bot) throw DiscordErrors.unknownChannel();
    const flags =
      typeof (body as { flags?: unknown })?.flags === 'number'
        ? (body as { flags: number }).flags
        : 0;
    const message = this.messages.create(channel, bot, body, {
      type: 0,
      webhookId: applicationId,
      applicationId,
      ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
      interactionMetadata: this.interactions.metadata(record),
    });
    record.followUpIds.push(message.id);
    record.changed();
    return message;
  }

  private channelOf(message: ApiMessage) {
    const channel = this.store.channels.get(message.channel_id);
    if (!channel) throw DiscordErrors.unknownChannel();
    return channel;
  }
}
