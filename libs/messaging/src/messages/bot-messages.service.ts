import {
  botConfigConfig,
  type BotConfigConfig,
  BotsService,
  DiscordUnavailableError,
} from '@botdeck/bot-config';
import { roleAtLeast } from '@botdeck/core';
import { REST } from 'discord.js';
import { Inject, Injectable } from '@nestjs/common';
import { type APIMessage, Routes } from 'discord-api-types/v10';
import { randomUUID } from 'node:crypto';
import { EveryoneForbiddenError, MessageRejectedError } from '../messaging.errors';
import { nonceFor, pingsEveryone, toDiscordMessage, withNonce } from './discord-message';
import type { SendMessageDto, SentMessageDto } from './dto/send-message.dto';
import { classifySendError } from './send-error';

/** How long one send may take, the client's retries of 5xx included. */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Sends one message through one bot, from the API: with the bot's own token, through a REST
 * client made for this request, which honours Discord's rate-limit headers and 429s. The
 * worker holding the bot is not involved: one message needs no queue, and the caller gets the
 * message id in the answer. A random nonce with `enforce_nonce` makes the client's own retries
 * of a 5xx safe.
 */
@Injectable()
export class BotMessagesService {
  constructor(
    private readonly bots: BotsService,
    @Inject(botConfigConfig.KEY) private readonly config: BotConfigConfig,
  ) {}

  async send(
    botId: string,
    body: SendMessageDto,
    actorRole: string | null,
  ): Promise<SentMessageDto> {
    if (pingsEveryone(body) && !roleAtLeast(actorRole ?? '', 'admin')) {
      throw new EveryoneForbiddenError();
    }
    const message = toDiscordMessage(body);
    const bot = await this.bots.get(botId);
    const rest = new REST({
      api: `${this.config.discordApiUrl}/api`,
      timeout: SEND_TIMEOUT_MS,
      retries: 2,
      // A client per request: no sweeper timers left running after it.
      handlerSweepInterval: 0,
      hashSweepInterval: 0,
    }).setToken(this.bots.revealToken(bot));
    try {
      const created = (await rest.post(Routes.channelMessages(body.channelId), {
        body: withNonce(message, nonceFor(randomUUID())),
      })) as APIMessage;
      return { id: created.id, channelId: created.channel_id, botId };
    } catch (error) {
      const failure = classifySendError(error);
      if (failure.kind === 'permanent') {
        throw new MessageRejectedError(Number(failure.code), failure.message, failure.httpStatus);
      }
      throw new DiscordUnavailableError(failure.reason);
    }
  }
}
