import type { ManagedBot } from '@botdeck/bot-runtime';
import { type APIMessage, Routes } from 'discord-api-types/v10';
import { DiscordAPIError } from 'discord.js';
import type { RenderedMessage } from '../rendering/render-display';

/** Discord's JSON codes that mean the bot cannot reach the channel (until someone fixes it). */
export const ACCESS_LOST_CODES = [10003, 50001, 50013] as const;
const UNKNOWN_MESSAGE = 10008;

/** The channel is gone or the bot may not see / write in it: the display goes to `error`. */
export class ChannelAccessError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function isUnknownMessage(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === UNKNOWN_MESSAGE;
}

function translate(error: unknown): unknown {
  if (
    error instanceof DiscordAPIError &&
    (ACCESS_LOST_CODES as readonly (number | string)[]).includes(error.code)
  ) {
    return new ChannelAccessError(error.code as number, error.message);
  }
  return error;
}

/** A display's messages in one channel, sent through the bot's own REST client. */
export class ChannelMessages {
  constructor(
    private readonly bot: ManagedBot,
    private readonly channelId: string,
  ) {}

  post(message: RenderedMessage): Promise<APIMessage> {
    return this.call(() =>
      this.bot.client.rest.post(Routes.channelMessages(this.channelId), { body: message.payload }),
    );
  }

  edit(messageId: string, message: RenderedMessage): Promise<APIMessage> {
    return this.call(() =>
      this.bot.client.rest.patch(Routes.channelMessage(this.channelId, messageId), {
        body: message.payload,
      }),
    );
  }

  /** Deletes a message; one already gone counts as deleted. */
  async delete(messageId: string): Promise<void> {
    try {
      await this.call(() =>
        this.bot.client.rest.delete(Routes.channelMessage(this.channelId, messageId)),
      );
    } catch (error) {
      if (!isUnknownMessage(error)) throw error;
    }
  }

  /** The bot's own messages among the channel's most recent `limit`, newest first. */
  async recentOwn(limit: number): Promise<APIMessage[]> {
    const messages = await this.call(() =>
      this.bot.client.rest.get(Routes.channelMessages(this.channelId), {
        query: new URLSearchParams({ limit: String(limit) }),
      }),
    );
    const self = this.bot.client.user?.id;
    return (messages as APIMessage[]).filter((message) => message.author.id === self);
  }

  private async call<T>(request: () => Promise<unknown>): Promise<T> {
    try {
      return (await request()) as T;
    } catch (error) {
      throw translate(error);
    }
  }
}
