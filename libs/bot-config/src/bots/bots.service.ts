import { EventBus, isUniqueViolation, type Page, paginate, UnitOfWork } from '@botdeck/core';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { botConfigConfig, type BotConfigConfig } from '../bot-config.config';
import {
  BotNameTakenError,
  BotNotFoundError,
  BotTokenMismatchError,
  BotVersionConflictError,
} from '../bot-config.errors';
import { type BotIdentity, DiscordIdentityClient } from '../discord/discord-identity.client';
import { TokenCipher } from '../tokens/token-cipher';
import { BotEntity } from './bot.entity';
import {
  BOT_RUNTIME_PORT,
  type BotRuntimePort,
  type BotRuntimeView,
  type StoredRuntimeView,
} from './bot-runtime.port';
import type { BotChangedEvent } from './bot.events';
import { BotDto } from './dto/bot.dto';
import type { CreateBotDto } from './dto/create-bot.dto';
import type { ListBotsQuery } from './dto/list-bots.query';
import type { UpdateBotDto } from './dto/update-bot.dto';
import { shardColumn } from './dto/shard-count';

/** What Discord's answer changes: a key it did not show never erases one set by hand. */
function identityChanges({ publicKey, ...identity }: BotIdentity): Partial<BotEntity> {
  return publicKey ? { ...identity, publicKey } : identity;
}

/** Every event whose write can change a bot list page (config, desired state, status). */
export const BOT_LIST_DEPENDS_ON = ['bot.changed', 'bot.desired', 'bot.status'] as const;

/**
 * A list page as PostgreSQL stores it: cacheable, because only the writes announced by
 * `BOT_LIST_DEPENDS_ON` change it; the leases are checked on every read (`vouchPage`).
 */
export interface StoredBotPage {
  items: BotDto[];
  /** Per item: the worker that reported its status and the shard count it runs with. */
  leases: Array<{ workerId: string | null; shardCount: number | null }>;
  nextCursor: string | null;
}

export interface BotChange {
  before: BotEntity;
  after: BotEntity;
}

/**
 * Bot configurations: the system of record for what Botdeck runs. Lifecycle (desired state,
 * status, restarts) is the runtime's; this service asks it through `BotRuntimePort`.
 */
@Injectable()
export class BotsService {
  constructor(
    @InjectRepository(BotEntity) private readonly bots: Repository<BotEntity>,
    private readonly uow: UnitOfWork,
    private readonly cipher: TokenCipher,
    private readonly discord: DiscordIdentityClient,
    private readonly events: EventBus,
    @Inject(botConfigConfig.KEY) private readonly config: BotConfigConfig,
    // Absent in processes that never change lifecycle (the CLI rotating keys).
    @Optional() @Inject(BOT_RUNTIME_PORT) private readonly port: BotRuntimePort | null,
  ) {}

  /** The runtime, for the operations that need it. */
  get runtime(): BotRuntimePort {
    if (!this.port) throw new Error('The bot runtime is not loaded in this process');
    return this.port;
  }

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
      publicKey: null,
      interactionsMode: 'gateway',
      intents: dto.intents ?? ['Guilds'],
      devGuildIds: dto.devGuildIds ?? [],
      description: dto.description ?? '',
      tags: dto.tags ?? [],
      shardCount: shardColumn(dto.shardCount ?? 1),
    });
    try {
      await this.uow.transaction(async (manager) => {
        await manager.insert(BotEntity, bot);
        await this.runtime.initialise(manager, id, dto.desiredState ?? 'stopped');
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new BotNameTakenError(dto.name);
      throw error;
    }
    this.announce({ botId: id, change: 'created' });
    return this.get(id);
  }

  async list(query: ListBotsQuery): Promise<Page<BotEntity>> {
    const qb = this.uow.getRepository(BotEntity).createQueryBuilder('bot');
    if (query.status) {
      const condition = this.runtime.statusCondition('bot', query.status);
      qb.andWhere(condition.sql, condition.params);
    }
    if (query.tag) qb.andWhere(':tag = ANY(bot.tags)', { tag: query.tag });
    if (query.name) {
      qb.andWhere('bot.name ILIKE :name', { name: `%${query.name.replace(/[\\%_]/g, '\\$&')}%` });
    }
    return paginate(qb, query);
  }

  /** A list page with the stored runtime views, before the leases vouch for them. */
  async storedPage(query: ListBotsQuery): Promise<StoredBotPage> {
    const page = await this.list(query);
    const views = await this.runtime.storedViews(page.items.map((bot) => bot.id));
    return {
      items: page.items.map((bot) => BotDto.from(bot, views.get(bot.id)!)),
      leases: page.items.map((bot) => {
        const { workerId, shardCount } = views.get(bot.id)!;
        return { workerId, shardCount };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** The page as it stands now: a running status whose lease lapsed reads `unknown`. */
  async vouchPage(page: StoredBotPage): Promise<{ items: BotDto[]; nextCursor: string | null }> {
    const stored = new Map<string, StoredRuntimeView>(
      page.items.map((bot, index) => [
        bot.id,
        {
          desiredState: bot.desiredState,
          status: bot.status,
          statusReason: bot.statusReason,
          statusChangedAt: new Date(bot.statusChangedAt),
          workerId: page.leases[index]?.workerId ?? null,
          shardCount: page.leases[index]?.shardCount ?? null,
        },
      ]),
    );
    const views = await this.runtime.vouch(stored);
    const items = page.items.map((bot) => {
      const view = views.get(bot.id)!;
      return view.status === bot.status
        ? bot
        : { ...bot, status: view.status, statusReason: view.statusReason };
    });
    return { items, nextCursor: page.nextCursor };
  }

  /** Bot ids picked by id (those that exist, in the order given) or by any of the tags. */
  async select(
    selection: { botIds: readonly string[] } | { tags: readonly string[] },
    limit: number,
  ): Promise<{ ids: string[]; matched: number }> {
    const qb = this.uow.getRepository(BotEntity).createQueryBuilder('bot').select('bot.id', 'id');
    if ('botIds' in selection) {
      if (selection.botIds.length === 0) return { ids: [], matched: 0 };
      const rows = await qb
        .where('bot.id IN (:...ids)', { ids: selection.botIds })
        .getRawMany<{ id: string }>();
      const found = new Set(rows.map((row) => row.id));
      const ids = selection.botIds.filter((id) => found.has(id));
      return { ids, matched: ids.length };
    }
    const rows = await qb
      .addSelect('count(*) OVER ()', 'matched')
      .where('bot.tags && :tags', { tags: selection.tags })
      .orderBy('bot.createdAt', 'ASC')
      .addOrderBy('bot.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string; matched: string }>();
    return { ids: rows.map((row) => row.id), matched: Number(rows[0]?.matched ?? 0) };
  }

  /** The runtime's view of one bot, for showing it beside its configuration. */
  async view(id: string): Promise<BotRuntimeView> {
    return (await this.views([id])).get(id)!;
  }

  async views(ids: readonly string[]): Promise<Map<string, BotRuntimeView>> {
    return this.runtime.views(ids);
  }

  async get(id: string): Promise<BotEntity> {
    const bot = await this.uow.getRepository(BotEntity).findOneBy({ id });
    if (!bot) throw new BotNotFoundError(id);
    return bot;
  }

  async update(id: string, dto: UpdateBotDto): Promise<BotChange> {
    const before = await this.get(id);
    if (before.version !== dto.version)
      throw new BotVersionConflictError(before.version, dto.version);
    const { version, desiredState, shardCount, ...fields } = dto;
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<BotEntity>;
    if (shardCount !== undefined) changes.shardCount = shardColumn(shardCount);
    await this.uow.transaction(async () => {
      await this.updateAtVersion(before, version, changes, dto.name);
      // The runtime's own change bumps nothing more: the edit above already moved the version.
      if (desiredState !== undefined) {
        await this.runtime.setDesiredState(id, desiredState, { bumpVersion: false });
      }
    });
    this.announce({ botId: id, change: 'updated' });
    const after = await this.get(id);
    const connectionChanged =
      before.intents.join() !== after.intents.join() ||
      before.devGuildIds.join() !== after.devGuildIds.join();
    if (connectionChanged) await this.runtime.restartIfRunning(id);
    return { before, after };
  }

  /**
   * A bot that runs (or should) is stopped first, with a bounded wait for its status to
   * settle. The row is deleted either way (its lifecycle row goes with it); a worker still
   * holding a bot whose row is gone stops it at its next reconcile.
   */
  async delete(id: string): Promise<BotEntity> {
    const bot = await this.get(id);
    await this.runtime.stopAndWait(id, this.config.deleteStopWaitMs);
    await this.uow.getRepository(BotEntity).delete({ id });
    this.announce({ botId: id, change: 'deleted' });
    return bot;
  }

  /** Checks the stored token against Discord and records whose it is. */
  async validate(id: string): Promise<BotChange> {
    const before = await this.get(id);
    const identity = await this.discord.identify(this.revealToken(before));
    await this.uow
      .getRepository(BotEntity)
      .update({ id }, { ...identityChanges(identity), validatedAt: new Date() });
    this.announce({ botId: id, change: 'updated' });
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
      ...identityChanges(identity),
      validatedAt: new Date(),
    });
    this.announce({ botId: id, change: 'updated' });
    const after = await this.get(id);
    await this.runtime.restartIfRunning(id);
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

  /** Once the change commits: readers (the bot list cache, dashboards) see it. */
  private announce(event: BotChangedEvent): void {
    this.uow.afterCommit(() => this.events.publish('bot.changed', event));
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
      const result = await this.uow
        .getRepository(BotEntity)
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
