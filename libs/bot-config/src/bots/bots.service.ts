import { isUniqueViolation, type Page, paginate } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import {
  BotNameTakenError,
  BotNotFoundError,
  BotTokenMismatchError,
  BotVersionConflictError,
} from '../bot-config.errors';
import { DiscordIdentityClient } from '../discord/discord-identity.client';
import { TokenCipher } from '../tokens/token-cipher';
import { BotEntity } from './bot.entity';
import type { CreateBotDto } from './dto/create-bot.dto';
import type { ListBotsQuery } from './dto/list-bots.query';
import type { UpdateBotDto } from './dto/update-bot.dto';

export interface BotChange {
  before: BotEntity;
  after: BotEntity;
}

/** Bot configurations: the system of record for what Botdeck runs. */
@Injectable()
export class BotsService {
  constructor(
    @InjectRepository(BotEntity) private readonly bots: Repository<BotEntity>,
    private readonly cipher: TokenCipher,
    private readonly discord: DiscordIdentityClient,
  ) {}

  async create(dto: CreateBotDto): Promise<BotEntity> {
    const id = randomUUID();
    const bot = this.bots.create({
      id,
      name: dto.name,
      ...this.sealToken(dto.token, id),
      applicationId: null,
      botUserId: null,
      botUsername: null,
      validatedAt: null,
      intents: dto.intents ?? ['Guilds'],
      devGuildIds: dto.devGuildIds ?? [],
      description: dto.description ?? '',
      tags: dto.tags ?? [],
      desiredState: dto.desiredState ?? 'stopped',
      status: 'stopped',
      statusReason: null,
      statusChangedAt: new Date(),
    });
    try {
      await this.bots.insert(bot);
    } catch (error) {
      if (isUniqueViolation(error)) throw new BotNameTakenError(dto.name);
      throw error;
    }
    return this.get(id);
  }

  async list(query: ListBotsQuery): Promise<Page<BotEntity>> {
    const qb = this.bots.createQueryBuilder('bot');
    if (query.status) qb.andWhere('bot.status = :status', { status: query.status });
    if (query.tag) qb.andWhere(':tag = ANY(bot.tags)', { tag: query.tag });
    if (query.name) {
      qb.andWhere('bot.name ILIKE :name', { name: `%${query.name.replace(/[\\%_]/g, '\\$&')}%` });
    }
    return paginate(qb, query);
  }

  async get(id: string): Promise<BotEntity> {
    const bot = await this.bots.findOneBy({ id });
    if (!bot) throw new BotNotFoundError(id);
    return bot;
  }

  async update(id: string, dto: UpdateBotDto): Promise<BotChange> {
    const before = await this.get(id);
    if (before.version !== dto.version)
      throw new BotVersionConflictError(before.version, dto.version);
    const { version, ...fields } = dto;
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<BotEntity>;
    await this.updateAtVersion(before, version, changes, dto.name);
    return { before, after: await this.get(id) };
  }

  async delete(id: string): Promise<BotEntity> {
    const bot = await this.get(id);
    await this.bots.delete({ id });
    return bot;
  }

  /** Checks the stored token against Discord and records whose it is. */
  async validate(id: string): Promise<BotChange> {
    const before = await this.get(id);
    const identity = await this.discord.identify(this.revealToken(before));
    await this.bots.update({ id }, { ...identity, validatedAt: new Date() });
    return { before, after: await this.get(id) };
  }

  /**
   * Replaces the token after Discord has confirmed it. A token of another application is
   * refused: that would silently turn this configuration into a different bot.
   */
  async rotateToken(id: string, token: string): Promise<BotChange> {
    const before = await this.get(id);
    const identity = await this.discord.identify(token);
    if (before.applicationId && before.applicationId !== identity.applicationId) {
      throw new BotTokenMismatchError();
    }
    await this.updateAtVersion(before, before.version, {
      ...this.sealToken(token, id),
      ...identity,
      validatedAt: new Date(),
    });
    return { before, after: await this.get(id) };
  }

  /** The clear token, for the runtime that logs the bot in. Never leaves the process. */
  revealToken(bot: BotEntity): string {
    return this.cipher.open({ keyId: bot.tokenKeyId, sealed: bot.tokenSealed }, bot.id);
  }

  /** Re-seals every token not sealed under the newest key; returns how many changed. */
  async reencryptTokens(): Promise<{ checked: number; rotated: number }> {
    const bots = await this.bots.find({
      select: { id: true, tokenKeyId: true, tokenSealed: true, tokenLast4: true },
    });
    let rotated = 0;
    for (const bot of bots) {
      if (this.cipher.isCurrent({ keyId: bot.tokenKeyId, sealed: bot.tokenSealed })) continue;
      const sealed = this.sealToken(this.revealToken(bot), bot.id);
      // Compare-and-set on the old ciphertext so a concurrent token change is not overwritten.
      const result = await this.bots
        .createQueryBuilder()
        .update(BotEntity)
        .set({ tokenKeyId: sealed.tokenKeyId, tokenSealed: sealed.tokenSealed })
        .where('id = :id AND token_key_id = :keyId', { id: bot.id, keyId: bot.tokenKeyId })
        .execute();
      rotated += result.affected ?? 0;
    }
    return { checked: bots.length, rotated };
  }

  private sealToken(token: string, botId: string) {
    const sealed = this.cipher.seal(token, botId);
    return { tokenKeyId: sealed.keyId, tokenSealed: sealed.sealed, tokenLast4: token.slice(-4) };
  }

  private async updateAtVersion(
    bot: BotEntity,
    version: number,
    changes: Partial<BotEntity>,
    name?: string,
  ): Promise<void> {
    try {
      const result = await this.bots
        .createQueryBuilder()
        .update(BotEntity)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: bot.id, version })
        .execute();
      if (!result.affected) {
        const current = await this.get(bot.id);
        throw new BotVersionConflictError(current.version, version);
      }
    } catch (error) {
      if (isUniqueViolation(error)) throw new BotNameTakenError(name ?? bot.name);
      throw error;
    }
  }
}
