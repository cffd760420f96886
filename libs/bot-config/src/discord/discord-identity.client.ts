import { Inject, Injectable } from '@nestjs/common';
import { type APIApplication, type APIUser, Routes } from 'discord-api-types/v10';
import { DiscordAPIError, HTTPError, REST } from 'discord.js';
import { botConfigConfig, type BotConfigConfig } from '../bot-config.config';
import {
  BotTokenInvalidError,
  DiscordUnavailableError,
  InteractionsEndpointRejectedError,
} from '../bot-config.errors';

/** An Ed25519 public key as Discord shows it: 32 bytes, hex. */
export const PUBLIC_KEY = /^[0-9a-f]{64}$/;

export interface BotIdentity {
  applicationId: string;
  botUserId: string;
  botUsername: string;
  /** The application's Ed25519 public key (`verify_key`), hex. */
  publicKey: string | null;
}

/** Asks Discord (or whatever DISCORD_API_URL points at) who a token belongs to. */
@Injectable()
export class DiscordIdentityClient {
  constructor(@Inject(botConfigConfig.KEY) private readonly config: BotConfigConfig) {}

  async identify(token: string): Promise<BotIdentity> {
    const rest = this.rest(token);
    try {
      // Spelled as Discord documents it: Routes.user('@me') percent-encodes the "@", which
      // Discord accepts but stand-ins such as the Botdeck sandbox do not route.
      const user = (await rest.get('/users/@me')) as APIUser;
      const application = (await rest.get(Routes.currentApplication())) as APIApplication;
      return {
        applicationId: application.id,
        botUserId: user.id,
        botUsername: user.username,
        publicKey: PUBLIC_KEY.test(application.verify_key) ? application.verify_key : null,
      };
    } catch (error) {
      throw asBotConfigError(error);
    }
  }

  /**
   * Sets (or, with null, clears) the application's Interactions Endpoint URL. Discord first
   * POSTs a signed PING there and a forged one, and refuses the URL (50035) unless they are
   * answered as it expects.
   */
  async setInteractionsEndpoint(token: string, url: string | null): Promise<void> {
    try {
      await this.rest(token, 15_000).patch(Routes.currentApplication(), {
        body: { interactions_endpoint_url: url },
      });
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === 50035) {
        throw new InteractionsEndpointRejectedError(
          error.message,
          (error.rawError as { errors?: unknown }).errors,
        );
      }
      throw asBotConfigError(error);
    }
  }

  private rest(token: string, timeout = 5_000): REST {
    return new REST({
      api: `${this.config.discordApiUrl}/api`,
      version: '10',
      timeout,
      retries: 1,
      // One-shot client: no background sweepers to keep the process alive.
      handlerSweepInterval: 0,
      hashSweepInterval: 0,
    }).setToken(token);
  }
}

function asBotConfigError(error: unknown): Error {
  if (error instanceof DiscordAPIError && (error.status === 401 || error.status === 403)) {
    return new BotTokenInvalidError();
  }
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    return new DiscordUnavailableError(`HTTP ${error.status}`);
  }
  return new DiscordUnavailableError(error instanceof Error ? error.message : String(error));
}
