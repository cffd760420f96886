import {
  botConfigConfig,
  type BotConfigConfig,
  type BotEntity,
  BotsService,
} from '@botdeck/bot-config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type APIChannel, Routes } from 'discord-api-types/v10';
import { REST } from 'discord.js';
import { ChannelNotInGuildError } from '../stock-display.errors';

const CHECK_TIMEOUT_MS = 3_000;

/**
 * Asks Discord, with the display's bot token, which guild a channel belongs to, so a display
 * pointed at another guild's channel is refused at once. When Discord cannot tell (the bot
 * cannot see the channel yet, Discord is slow or away) the display is accepted: the worker
 * then reports what Discord says as the display's status.
 */
@Injectable()
export class ChannelCheck {
  private readonly logger = new Logger(ChannelCheck.name);

  constructor(
    @Inject(botConfigConfig.KEY) private readonly config: BotConfigConfig,
    private readonly bots: BotsService,
  ) {}

  async assertInGuild(bot: BotEntity, guildId: string, channelId: string): Promise<void> {
    const rest = new REST({
      api: `${this.config.discordApiUrl}/api`,
      version: '10',
      timeout: CHECK_TIMEOUT_MS,
      retries: 0,
      handlerSweepInterval: 0,
      hashSweepInterval: 0,
    }).setToken(this.bots.revealToken(bot));
    let channel: APIChannel;
    try {
      channel = (await rest.get(Routes.channel(channelId))) as APIChannel;
    } catch (error) {
      this.logger.debug?.({ err: error, channelId }, 'Channel not checked; Discord did not say');
      return;
    }
    const owner = 'guild_id' in channel ? channel.guild_id : undefined;
    if (owner !== undefined && owner !== guildId)
      throw new ChannelNotInGuildError(channelId, guildId);
  }
}
