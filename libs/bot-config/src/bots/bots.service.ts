import { EventBus, isUniqueViolation, type Page, paginate } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Repository } from 'typeorm';
import { botConfigConfig, type BotConfigConfig } from '../bot-config.config';
import {
  BotNameTakenError,
  BotNotFoundError,
  BotTokenMismatchError,
  BotVersionConflictError,
} from '../bot-config.errors';
import { DiscordIdentityClient } from '../discord/discord-identity.client';
import { TokenCipher } from '../tokens/token-cipher';
import { BotEntity, type BotStatus, type DesiredState } from './bot.entity';
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
    private readonly events: EventBus,
    @Inject(botConfigConfig.KEY) private readonly config: BotConfigConfig,
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
    if (bot.desiredState === 'running') {
      await this.events.publish('bot.desired', {
        botId: id,
        desiredState: 'running',
        restart: false,
      });
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
    const after = await this.get(id);
    const connectionChanged =
      before.intents.join() !== after.intents.join() ||
      before.devGuildIds.join() !== after.devGuildIds.join();
    if (connectionChanged && after.desiredState === 'running') {
      await this.restartIfRunning(after);
    } else if (before.desiredState !== after.desiredState) {
      await this.events.publish('bot.desired', {
        botId: id,
        desiredState: after.desiredState,
        restart: false,
      });
    }
    return { before, after };
  }

  /**
   * A bot that runs (or should) is stopped first: desired state `stopped`, a nudge to the
   * workers, then a bounded wait for its status to settle. The row is deleted either way; a
   * worker still holding a bot whose row is gone stops it at its next reconcile.
   */
  async delete(id: string): Promise<BotEntity> {
    const bot = await this.get(id);
    if (bot.desiredState === 'running' || !isSettled(bot.status)) {
      await this.setDesiredState(id, 'stopped');
      await this.waitUntilSettled(id, this.config.deleteStopWaitMs);
    }
    await this.bots.delete({ id });
    return bot;
  }

  /**
   * Records what an operator wants the bot to be and nudges the workers. `restart` also asks
   * the holder to restart it. Starting a bot in `error` counts as a restart request, because
   * workers leave errored bots alone until someone asks again.
   */
  async setDesiredState(
    id: string,
    desiredState: DesiredState,
    options: { restart?: boolean } = {},
  ): Promise<BotChange> {
    const before = await this.get(id);
    const restart =
      desiredState === 'running' && (options.restart === true || before.status === 'error');
    await this.bots
      .createQueryBuilder()
      .update(BotEntity)
      .set({
        desiredState,
        // Only a real change moves the version, so a start does not spoil a client's pending edit.
        version: () => (before.desiredState === desiredState ? 'version' : 'version + 1'),
        ...(restart ? { restartRequestedAt: () => 'now()' } : {}),
      })
      .where('id = :id', { id })
      .execute();
    await this.events.publish('bot.desired', { botId: id, desiredState, restart });
    return { before, after: await this.get(id) };
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
    const after = await this.get(id);
    await this.restartIfRunning(after);
    return { before, after };
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

  /**
   * A running bot picks up a new token, intents or development guilds only by logging in
   * again, so such a change asks its worker for a restart.
   */
  private async restartIfRunning(bot: BotEntity): Promise<void> {
    if (bot.desiredState !== 'running') return;
    await this.bots
      .createQueryBuilder()
      .update(BotEntity)
      .set({ restartRequestedAt: () => 'now()', version: () => 'version' })
      .where('id = :id', { id: bot.id })
      .execute();
    await this.events.publish('bot.desired', {
      botId: bot.id,
      desiredState: 'running',
      restart: true,
    });
  }

  private async waitUntilSettled(id: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const row = await this.bots.findOne({ where: { id }, select: { id: true, status: true } });
      if (!row || isSettled(row.status)) return;
      await sleep(100);
    }
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

function isSettled(status: BotStatus): boolean {
  return status === 'stopped' || status === 'error';
}
