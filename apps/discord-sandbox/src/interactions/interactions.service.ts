import { performance } from 'node:perf_hooks';
import { ControlError } from '../control/control-error';
import { DiscordError, DiscordErrors } from '../discord/discord-error';
import { apiUser } from '../discord/payloads';
import { SandboxApplication } from '../domain/entities';
import { SandboxStore } from '../domain/sandbox-store';
import { mintInteractionToken } from '../domain/tokens';
import { GatewayHub } from '../gateway/gateway-hub';
import { MessageFlags, MessagesService } from '../messages/messages.service';
import { validateMessageBody } from '../messages/message-validation';
import { commandData } from './command-options';
import { InteractionEndpointClient } from './interaction-endpoint';
import { interactionCreatePayload, invalidCallbackType, summarise } from './interaction-payloads';
import { CallbackType, InteractionRecord } from './interaction-record';

export interface InteractionTiming {
  /** Discord kills the token if the first response does not arrive within 3 s. */
  responseTimeoutMs: number;
  /** Follow-ups and edits work for 15 minutes. */
  tokenTtlMs: number;
}

export interface PlayInteractionInput {
  applicationId: string;
  guildId: string;
  channelId: string;
  user: { id: string; username: string };
  /** Slash command name, for a command interaction. */
  command?: string;
  options?: Record<string, unknown> | unknown[];
  /** Button custom id and the message it sits on, for a component interaction. */
  customId?: string;
  messageId?: string;
}

/**
 * Plays users running slash commands and enforces Discord's rules on the answers: one initial
 * response within 3 s, then edits and follow-ups for 15 minutes. An interaction goes to the
 * bot's gateway session (INTERACTION_CREATE), or, when its application has an Interactions
 * Endpoint URL, to that URL as a signed HTTP POST whose response is the initial answer.
 */
export class InteractionsService {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly sweeper: NodeJS.Timeout;
  readonly endpoint: InteractionEndpointClient;

  constructor(
    private readonly store: SandboxStore,
    private readonly gateway: GatewayHub,
    private readonly messages: MessagesService,
    readonly timing: InteractionTiming,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
    this.endpoint = new InteractionEndpointClient(timing.responseTimeoutMs);
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  clear(): void {
    this.byId.clear();
    this.byToken.clear();
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  /** Creates the interaction and dispatches it to the bot's session on the guild's shard. */
  play(input: PlayInteractionInput): { record: InteractionRecord; delivered: number } {
    const app = this.store.applications.get(input.applicationId);
    if (!app)
      throw new ControlError(404, 'UNKNOWN_APPLICATION', `No application ${input.applicationId}`);
    const guild = this.store.guilds.get(input.guildId);
    if (!guild) throw new ControlError(404, 'UNKNOWN_GUILD', `No guild ${input.guildId}`);
    const channel = this.store.channels.get(input.channelId);
    if (!channel || channel.guildId !== guild.id) {
      throw new ControlError(
        404,
        'UNKNOWN_CHANNEL',
        `No channel ${input.channelId} in guild ${guild.id}`,
      );
    }
    if (!guild.members.has(app.botUserId)) {
      throw new ControlError(
        409,
        'BOT_NOT_IN_GUILD',
        `The bot of ${app.id} is not in guild ${guild.id}`,
      );
    }
    const user = this.store.upsertUser(input.user.id, input.user.username);
    this.store.addMember(guild.id, user.id);

    const id = this.store.ids.next();
    let data: Record<string, unknown>;
    let type: 2 | 3;
    let name: string;
    let source: ReturnType<SandboxStore['message']>;
    if (input.customId !== undefined) {
      source = input.messageId ? this.store.message(input.messageId) : undefined;
      if (!source || source.channel_id !== channel.id) {
        throw new ControlError(
          404,
          'UNKNOWN_MESSAGE',
          'A component interaction needs an existing messageId',
        );
      }
      type = 3;
      name = input.customId;
      data = { custom_id: input.customId, component_type: 2 };
    } else {
      const command = input.command
        ? this.store.findCommand(app.id, guild.id, input.command)
        : undefined;
      if (!command) {
        throw new ControlError(
          404,
          'UNKNOWN_COMMAND',
          `No command "${input.command}" registered for ${app.id}`,
        );
      }
      type = 2;
      name = command.name;
      data = commandData(command, input.options);
    }

    const record = new InteractionRecord(
      id,
      mintInteractionToken(id),
      type,
      app.id,
      app.botUserId,
      guild.id,
      channel.id,
      user,
      name,
      Date.now(),
      source?.id ?? null,
    );
    this.byId.set(id, record);
    this.byToken.set(record.token, record);

    const payload = interactionCreatePayload(record, app, guild, channel, user, data, source);
    record.dispatchedAt = performance.now();
    if (app.interactionsEndpointUrl !== null) {
      void this.deliverOverHttp(app, app.interactionsEndpointUrl, record, payload);
      return { record, delivered: 1 };
    }
    const delivered = this.gateway.dispatch(app.botUserId, 'INTERACTION_CREATE', payload, {
      guildId: guild.id,
    });
    return { record, delivered };
  }

  /**
   * The endpoint's HTTP response is the initial answer. A 202 or 204 means it answered (or will)
   * through the callback route instead; anything else is kept as the delivery error.
   */
  private async deliverOverHttp(
    app: SandboxApplication,
    url: string,
    record: InteractionRecord,
    payload: unknown,
  ): Promise<void> {
    try {
      const answer = await this.endpoint.post(app, url, payload);
      if (answer.status === 202 || answer.status === 204) return;
      if (answer.status !== 200) throw new Error(`the endpoint answered ${answer.status}`);
      this.callback(record.id, record.token, answer.body, false);
    } catch (error) {
      record.deliveryError =
        error instanceof DiscordError && error.errors
          ? `${error.message}: ${JSON.stringify(error.errors)}`
          : (error as Error).message;
      record.changed();
    }
  }

  /** `POST /interactions/{id}/{token}/callback` */
  callback(id: string, token: string, rawBody: unknown, withResponse: boolean): unknown {
    const record = this.byId.get(id);
    if (!record || record.token !== token) throw DiscordErrors.unknownInteraction();
    if (record.initial) throw DiscordErrors.alreadyAcknowledged();
    if (Date.now() - record.createdAt > this.timing.responseTimeoutMs)
      throw DiscordErrors.unknownInteraction();

    const body = (typeof rawBody === 'object' && rawBody !== null ? rawBody : {}) as {
      type?: unknown;
      data?: unknown;
    };
    const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<
      string,
      unknown
    >;
    const flags = typeof data.flags === 'number' ? data.flags : 0;
    const ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
    const channel = this.store.channels.get(record.channelId);
    const bot = this.store.users.get(record.botUserId);
    if (!channel || !bot) throw DiscordErrors.unknownChannel();

    let message = null;
    switch (body.type) {
      case CallbackType.ChannelMessageWithSource: {
        const validated = validateMessageBody(data, 'create');
        message = this.messages.createValidated(
          channel,
          bot,
          validated,
          this.originalExtras(record, ephemeral),
        );
        record.originalMessageId = message.id;
        break;
      }
      case CallbackType.DeferredChannelMessageWithSource:
        message = this.messages.createValidated(
          channel,
          bot,
          { content: '' },
          {
            ...this.originalExtras(record, ephemeral),
            extraFlags: MessageFlags.Loading,
          },
        );
        record.originalMessageId = message.id;
        break;
      case CallbackType.DeferredUpdateMessage:
      case CallbackType.UpdateMessage: {
        const source = record.sourceMessageId
          ? this.store.message(record.sourceMessageId)
          : undefined;
        if (!source) throw invalidCallbackType(body.type);
        if (body.type === CallbackType.UpdateMessage)
          message = this.messages.edit(channel, source, data);
        break;
      }
      case CallbackType.Modal:
        if (
          typeof data.custom_id !== 'string' ||
          typeof data.title !== 'string' ||
          !Array.isArray(data.components)
        ) {
          throw DiscordErrors.invalidFormBody({
            data: {
              _errors: [
                {
                  code: 'BASE_TYPE_REQUIRED',
                  message: 'custom_id, title and components are required',
                },
              ],
            },
          });
        }
        break;
      default:
        throw invalidCallbackType(body.type);
    }

    record.initial = summarise(body.type, data, flags, performance.now() - record.dispatchedAt);
    record.changed();
    if (!withResponse) return undefined;
    return {
      interaction: {
        id: record.id,
        type: record.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (message.flags & MessageFlags.Loading) !== 0,
              response_message_ephemeral: ephemeral,
            }
          : {}),
      },
      resource: { type: body.type, ...(message ? { message } : {}) },
    };
  }

  /** The interaction behind a webhook token, if the token is still good for `applicationId`. */
  byWebhookToken(applicationId: string, token: string): InteractionRecord {
    const record = this.byToken.get(token);
    if (!record || record.applicationId !== applicationId) throw DiscordErrors.unknownWebhook();
    if (Date.now() - record.createdAt > this.timing.tokenTtlMs)
      throw DiscordErrors.invalidWebhookToken();
    return record;
  }

  applicationOf(record: InteractionRecord): SandboxApplication | undefined {
    return this.store.applications.get(record.applicationId);
  }

  private originalExtras(record: InteractionRecord, ephemeral: boolean) {
    return {
      type: record.type === 2 ? 20 : 0,
      webhookId: record.applicationId,
      applicationId: record.applicationId,
      ephemeral,
      interactionMetadata: this.metadata(record),
    };
  }

  metadata(record: InteractionRecord): Record<string, unknown> {
    return {
      id: record.id,
      type: record.type,
      name: record.name,
      user: apiUser(record.user),
      authorizing_integration_owners: { '0': record.guildId },
    };
  }

  /** Forgets interactions well past their token's life (they answer 10015 afterwards). */
  private sweep(): void {
    const horizon = Date.now() - 2 * this.timing.tokenTtlMs;
    for (const [id, record] of this.byId) {
      if (record.createdAt >= horizon) continue;
      this.byId.delete(id);
      this.byToken.delete(record.token);
    }
  }
}
