import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type Client,
  Events,
  type Interaction,
  InteractionResponseType,
  InteractionType,
} from 'discord.js';
import { CommandRegistry } from '../registry/command-registry';
import { CommandTracker } from '../tracking/command-tracker';
import { type HttpBot, HttpInteractionBots } from './http-interaction-bots';
import { httpInteractionsConfig, type HttpInteractionsConfig } from './http-interactions.config';
import {
  InteractionInvalidError,
  InteractionsEndpointNotFoundError,
  InteractionSignatureInvalidError,
  InteractionTimestampStaleError,
  InteractionTooLargeError,
  InteractionUnsupportedError,
} from './http-interactions.errors';
import { checkSignature } from './interaction-signature';

/** What the endpoint answers Discord: a body is the initial response, none means "see callback". */
export type EndpointAnswer = { status: 200; body: unknown } | { status: 202 };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: Buffer;
  body: unknown;
}

/** discord.js's own payload → interaction step, which the gateway path runs for INTERACTION_CREATE. */
interface InteractionActions {
  actions: { InteractionCreate: { handle(data: unknown): void } };
}

/** The methods whose first success means Discord has the interaction's initial response. */
const FIRST_RESPONSES = ['reply', 'deferReply', 'showModal'] as const;

/**
 * Serves interactions Discord POSTs to `/interactions/:botId`: checks the bot and the signature,
 * answers PING, and runs slash commands through the same tracker, registry and handlers as the
 * gateway path. Handlers answer through the callback route as on the gateway; the HTTP request
 * is answered 202 once that first response is accepted (Discord then takes no body from it).
 */
@Injectable()
export class HttpInteractionsService {
  private readonly logger = new Logger(HttpInteractionsService.name);

  constructor(
    private readonly bots: HttpInteractionBots,
    private readonly registry: CommandRegistry,
    private readonly tracker: CommandTracker,
    @Inject(httpInteractionsConfig.KEY) private readonly config: HttpInteractionsConfig,
  ) {}

  async handle(botId: string, request: SignedRequest): Promise<EndpointAnswer> {
    if (request.rawBody.length > this.config.bodyLimitBytes) {
      throw new InteractionTooLargeError(this.config.bodyLimitBytes);
    }
    const type = typeOf(request.body);
    // Discord checks the URL with a PING right after HTTP mode is stored: never answer it from
    // a cached "not in HTTP mode".
    let served = await this.bots.get(botId, type === InteractionType.Ping ? 0 : undefined);
    // Just switched to HTTP mode on another instance? Look again, at most once a second.
    if (served && !served.http) served = await this.bots.get(botId, 1_000);
    if (!served?.http || !served.publicKey) throw new InteractionsEndpointNotFoundError();
    this.verify(served, request);

    if (type === null) throw new InteractionInvalidError('no numeric "type"');
    if (type === InteractionType.Ping) {
      return { status: 200, body: { type: InteractionResponseType.Pong } };
    }
    if (type === InteractionType.ApplicationCommandAutocomplete) {
      return {
        status: 200,
        body: {
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: [] },
        },
      };
    }
    if (type !== InteractionType.ApplicationCommand) throw new InteractionUnsupportedError(type);
    return this.run(served, request.body as Record<string, unknown>);
  }

  private verify(served: HttpBot, request: SignedRequest): void {
    const check = checkSignature(
      served.publicKey!,
      request.signature,
      request.timestamp,
      request.rawBody,
      { maxSkewSeconds: this.config.maxSkewSeconds },
    );
    if (check === 'stale') throw new InteractionTimestampStaleError(this.config.maxSkewSeconds);
    if (check !== 'ok') {
      throw new InteractionSignatureInvalidError(
        check === 'missing'
          ? 'X-Signature-Ed25519 and X-Signature-Timestamp are required'
          : check === 'malformed'
            ? 'X-Signature-Ed25519 must be 128 hex digits and X-Signature-Timestamp Unix seconds'
            : 'the signature does not match the body',
      );
    }
  }

  private async run(served: HttpBot, payload: Record<string, unknown>): Promise<EndpointAnswer> {
    const { bot } = served;
    const interaction = construct(bot.client, payload);
    if (!interaction?.isChatInputCommand()) {
      throw new InteractionUnsupportedError(Number(payload.type));
    }
    let acknowledged!: () => void;
    const answered = new Promise<void>((resolve) => (acknowledged = resolve));
    // Wrapped before the tracker arms its auto-defer, which binds whatever these are now.
    const target = interaction as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    for (const method of FIRST_RESPONSES) {
      const original = target[method].bind(interaction);
      target[method] = async (...args: unknown[]) => {
        const result = await original(...args);
        acknowledged();
        return result;
      };
    }
    void this.tracker
      .run(bot, interaction, this.registry.get(interaction.commandName))
      .catch((error: unknown) =>
        this.logger.error({ err: error, botId: bot.id }, 'Command tracking failed'),
      )
      .finally(acknowledged);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.config.ackWaitMs);
    });
    await Promise.race([answered, late]);
    clearTimeout(timer);
    return { status: 202 };
  }
}

function typeOf(body: unknown): InteractionType | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { type } = body as { type?: unknown };
  return typeof type === 'number' && Number.isInteger(type) ? type : null;
}

/** Runs discord.js's INTERACTION_CREATE handling on `payload` and returns what it emitted. */
function construct(client: Client, payload: Record<string, unknown>): Interaction | null {
  let created: Interaction | null = null;
  const capture = (interaction: Interaction) => {
    created = interaction;
  };
  client.on(Events.InteractionCreate, capture);
  try {
    (client as unknown as InteractionActions).actions.InteractionCreate.handle(payload);
  } catch (error) {
    throw new InteractionInvalidError(error instanceof Error ? error.message : 'unreadable');
  } finally {
    client.off(Events.InteractionCreate, capture);
  }
  return created;
}
