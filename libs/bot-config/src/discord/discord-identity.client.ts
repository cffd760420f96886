import { Inject, Injectable } from '@nestjs/common';
import { type APIApplication, type APIUser, Routes } from 'discord-api-types/v10';
import { DiscordAPIError, HTTPError, REST } from 'discord.js';
import { botConfigConfig, type BotConfigConfig } from '../bot-config.config';
import { BotTokenInvalidError, DiscordUnavailableError } from '../bot-config.errors';

export interface BotIdentity {
  applicationId: string;
  botUserId: string;
  botUsername: string;
}

/** Asks Discord (or whatever DISCORD_API_URL points at) who a token belongs to. */
@Injectable()
export class DiscordIdentityClient {
  constructor(@Inject(botConfigConfig.KEY) private readonly config: BotConfigConfig) {}

  async identify(token: string): Promise<BotIdentity> {
    const rest = new REST({
      api: `${this.config.discordApiUrl}/api`,
      version: '10',
      timeout: 5_000,
      retries: 1,
      // One-shot client: no background sweepers to keep the process alive.
      handlerSweepInterval: 0,
      hashSweepInterval: 0,
    }).setToken(token);
    try {
      // Spelled as Discord documents it: Routes.user('@me') percent-encodes the "@", which
      // Discord accepts but stand-ins such as the Botdeck sandbox do not route.
      const user = (await rest.get('/users/@me')) as APIUser;
      const application = (await rest.get(Routes.currentApplication())) as APIApplication;
      return { applicationId: application.id, botUserId: user.id, botUsername: user.username };
    } catch (error) {
      if (error instanceof DiscordAPIError && (error.status === 401 || error.status === 403)) {
        throw new BotTokenInvalidError();
      }
      if (error instanceof DiscordAPIError || error instanceof HTTPError) {
        throw new DiscordUnavailableError(`HTTP ${error.status}`);
      }
      throw new DiscordUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }
}
