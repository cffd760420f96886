import { BotsService } from '@botdeck/bot-config';
import { bounded, EventBus, type Page, paginate, UnitOfWork } from '@botdeck/core';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import {
  StockDisplayNotFoundError,
  StockDisplayVersionConflictError,
} from '../stock-display.errors';
import { ChannelCheck } from './channel-check';
import type { CreateStockDisplayDto } from './dto/create-stock-display.dto';
import type { ListStockDisplaysQuery } from './dto/list-stock-displays.query';
import type { UpdateStockDisplayDto } from './dto/update-stock-display.dto';
import { StockDisplayEntity } from './stock-display.entity';
import type { StockDisplayChangedEvent } from './stock-display.events';

const NUDGE_TIMEOUT_MS = 1_000;

export interface StockDisplayChange {
  before: StockDisplayEntity;
  after: StockDisplayEntity;
}

/**
 * Displays as configured through the API. The API never talks to Discord about them beyond a
 * channel check: it stores the change and nudges the worker that owns the bot, which posts,
 * edits and deletes the messages (and catches up from these rows if the nudge is lost).
 */
@Injectable()
export class StockDisplaysService {
  private readonly logger = new Logger(StockDisplaysService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly bots: BotsService,
    private readonly channels: ChannelCheck,
    private readonly events: EventBus,
  ) {}

  async create(dto: CreateStockDisplayDto): Promise<StockDisplayEntity> {
    const bot = await this.bots.get(dto.botId);
    await this.channels.assertInGuild(bot, dto.guildId, dto.channelId);
    const id = randomUUID();
    await this.uow.transaction((manager) =>
      manager.insert(StockDisplayEntity, {
        id,
        botId: dto.botId,
        guildId: dto.guildId,
        channelId: dto.channelId,
        title: dto.title,
        categories: dto.categories ?? [],
        includeSoldOut: dto.includeSoldOut ?? true,
        stockMode: dto.stockMode ?? 'exact',
        showPrices: dto.showPrices ?? true,
        lowStockMarker: dto.lowStockMarker ?? true,
        enabled: dto.enabled ?? true,
        messageIds: [],
        messageHashes: [],
        status: 'pending',
      }),
    );
    this.nudgeAfterCommit({ displayId: id, botId: dto.botId, change: 'created' });
    return this.get(id);
  }

  async list(query: ListStockDisplaysQuery): Promise<Page<StockDisplayEntity>> {
    const qb = this.uow
      .getRepository(StockDisplayEntity)
      .createQueryBuilder('display')
      .where('display.deletedAt IS NULL');
    if (query.botId) qb.andWhere('display.botId = :botId', { botId: query.botId });
    if (query.channelId)
      qb.andWhere('display.channelId = :channelId', { channelId: query.channelId });
    if (query.status) qb.andWhere('display.status = :status', { status: query.status });
    return paginate(qb, query);
  }

  async get(id: string): Promise<StockDisplayEntity> {
    const display = await this.uow
      .getRepository(StockDisplayEntity)
      .findOneBy({ id, deletedAt: IsNull() });
    if (!display) throw new StockDisplayNotFoundError(id);
    return display;
  }

  async update(id: string, dto: UpdateStockDisplayDto): Promise<StockDisplayChange> {
    const before = await this.get(id);
    const { version, ...fields } = dto;
    if (before.version !== version)
      throw new StockDisplayVersionConflictError(before.version, version);
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<StockDisplayEntity>;
    const result = await this.uow
      .getRepository(StockDisplayEntity)
      .createQueryBuilder()
      .update(StockDisplayEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND deleted_at IS NULL', { id, version })
      .execute();
    if (!result.affected) {
      const current = await this.get(id);
      throw new StockDisplayVersionConflictError(current.version, version);
    }
    this.nudgeAfterCommit({ displayId: id, botId: before.botId, change: 'updated' });
    return { before, after: await this.get(id) };
  }

  /**
   * Marks the display deleted; the owning worker deletes its messages and then the row. A
   * display whose bot is not running keeps its row (hidden from the API) until the bot is back.
   */
  async delete(id: string): Promise<StockDisplayEntity> {
    const display = await this.get(id);
    await this.uow
      .getRepository(StockDisplayEntity)
      .update({ id }, { deletedAt: () => 'now()', enabled: false });
    this.nudgeAfterCommit({ displayId: id, botId: display.botId, change: 'deleted' });
    return display;
  }

  /** Asks for a full re-render: every message is edited even if unchanged (and reposted if gone). */
  async refresh(id: string): Promise<StockDisplayEntity> {
    const display = await this.get(id);
    await this.uow
      .getRepository(StockDisplayEntity)
      .update({ id }, { refreshRequestedAt: () => 'now()' });
    this.nudgeAfterCommit({ displayId: id, botId: display.botId, change: 'refresh' });
    return this.get(id);
  }

  private nudgeAfterCommit(event: StockDisplayChangedEvent): void {
    this.uow.afterCommit(() =>
      bounded(
        this.events.publish('stock-display.changed', event),
        NUDGE_TIMEOUT_MS,
        'Nudging the display owner',
      ).catch((error: unknown) =>
        this.logger.warn(
          { err: error, displayId: event.displayId },
          'Could not nudge the display owner; its periodic check picks the change up',
        ),
      ),
    );
  }
}
