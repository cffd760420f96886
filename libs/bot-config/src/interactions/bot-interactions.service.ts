import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BotPublicKeyUnknownError, InteractionsUrlNotConfiguredError } from '../bot-config.errors';
import { BotEntity } from '../bots/bot.entity';
import { type BotChange, BotsService } from '../bots/bots.service';
import { DiscordIdentityClient } from '../discord/discord-identity.client';
import {
  interactionsEndpointConfig,
  type InteractionsEndpointConfig,
} from './interactions-endpoint.config';
import type { SetInteractionsDto } from './dto/set-interactions.dto';

/**
 * Switches how Discord delivers a bot's interactions. HTTP mode is stored before Discord is
 * told, because Discord checks the URL with a PING that any API instance may answer and that
 * must already find the bot in HTTP mode with its key; if Discord refuses, the previous mode
 * comes back. The writes go straight to the database (not into the request's transaction) so
 * that the PING, served on another connection, sees them.
 */
@Injectable()
export class BotInteractionsService {
  constructor(
    @InjectRepository(BotEntity) private readonly rows: Repository<BotEntity>,
    private readonly bots: BotsService,
    private readonly discord: DiscordIdentityClient,
    @Inject(interactionsEndpointConfig.KEY) private readonly config: InteractionsEndpointConfig,
  ) {}

  /** The URL Discord is given for this bot. */
  endpointUrl(botId: string): string {
    if (!this.config.publicUrl) throw new InteractionsUrlNotConfiguredError();
    return `${this.config.publicUrl}/interactions/${botId}`;
  }

  async set(id: string, dto: SetInteractionsDto): Promise<BotChange> {
    const before = await this.bots.get(id);
    const token = this.bots.revealToken(before);
    if (dto.mode === 'http') {
      const url = this.endpointUrl(id);
      const publicKey =
        dto.publicKey ?? before.publicKey ?? (await this.discord.identify(token)).publicKey;
      if (!publicKey) throw new BotPublicKeyUnknownError();
      await this.write(id, { interactionsMode: 'http', publicKey });
      try {
        await this.discord.setInteractionsEndpoint(token, url);
      } catch (error) {
        await this.write(id, {
          interactionsMode: before.interactionsMode,
          publicKey: before.publicKey,
        });
        throw error;
      }
    } else {
      if (before.interactionsMode === 'http')
        await this.discord.setInteractionsEndpoint(token, null);
      await this.write(id, {
        interactionsMode: 'gateway',
        ...(dto.publicKey ? { publicKey: dto.publicKey } : {}),
      });
    }
    return { before, after: await this.bots.get(id) };
  }

  private async write(id: string, changes: Partial<BotEntity>): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update(BotEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }
}
