import { botConfigConfig, type BotConfigConfig, BotsService } from '@botdeck/bot-config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type RESTGetAPIGatewayBotResult, Routes } from 'discord-api-types/v10';
import { REST } from 'discord.js';
import type { FleetBot } from '../fleet/fleet.repository';
import { BotRuntimeStates } from '../state/bot-runtime-states.service';

const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * Decides how many shards a bot runs with: its fixed count, or for `auto` what Discord
 * recommends (`GET /gateway/bot` → `shards`). The recommendation is read once and stored, so
 * every worker runs the same layout; a restart requested after it was read reads it again.
 */
@Injectable()
export class ShardPlanner {
  private readonly logger = new Logger(ShardPlanner.name);
  /** Bot id → until when not to ask Discord again after a failed read (a pass must not stall). */
  private readonly failedUntil = new Map<string, number>();

  constructor(
    @Inject(botConfigConfig.KEY) private readonly config: BotConfigConfig,
    private readonly bots: BotsService,
    private readonly states: BotRuntimeStates,
  ) {}

  /** The count as stored, without asking Discord (null: `auto` and not read since the restart). */
  known(bot: FleetBot): number | null {
    if (bot.shardCount !== null) return bot.shardCount;
    const { autoShardCount, shardsResolvedAt, restartRequestedAt } = bot.runtime;
    if (autoShardCount === null || shardsResolvedAt === null) return null;
    if (restartRequestedAt && restartRequestedAt > shardsResolvedAt) return null;
    return autoShardCount;
  }

  async shardCount(bot: FleetBot): Promise<number> {
    const known = this.known(bot);
    if (known !== null) return known;
    // Discord away or the token refused: the last known layout (or one shard) logs in and
    // reports what is wrong the way any login does; Discord is asked again a little later.
    const fallback = bot.runtime.autoShardCount ?? 1;
    if ((this.failedUntil.get(bot.id) ?? 0) > Date.now()) return fallback;
    let recommended: number;
    try {
      recommended = await this.recommended(bot);
    } catch (error) {
      this.logger.warn({ err: error, botId: bot.id }, 'Could not read the recommended shards');
      this.failedUntil.set(bot.id, Date.now() + RETRY_AFTER_FAILURE_MS);
      return fallback;
    }
    this.failedUntil.delete(bot.id);
    return this.states.recordRecommendedShards(bot.id, recommended);
  }

  private async recommended(bot: FleetBot): Promise<number> {
    const rest = new REST({
      api: `${this.config.discordApiUrl}/api`,
      version: '10',
      timeout: 5_000,
      retries: 1,
      handlerSweepInterval: 0,
      hashSweepInterval: 0,
    }).setToken(this.bots.revealToken(bot));
    const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return Math.max(1, info.shards);
  }
}
