import { botConfigConfig, type BotConfigConfig, type BotEntity } from '@botdeck/bot-config';
import { REDIS } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import { Client, Events, GatewayIntentBits, Options, type Sweepers } from 'discord.js';
import type Redis from 'ioredis';
import { RedisIdentifyThrottler } from '../shards/redis-identify-throttler';
import type { ShardSlot } from '../shards/run-unit';
import { DiscordMetrics } from './discord-metrics';
import { WorkerIdentity } from './worker-identity';

/**
 * One discord.js client per bot, pointed at `DISCORD_API_URL` (Discord or the sandbox, which
 * this code cannot tell apart). Caches are bounded so a worker's memory grows with its bots,
 * not with their guilds' size or history: guilds, channels and roles stay whole (discord.js
 * does not work without them, and `/botinfo` counts the guilds), members, users and messages are
 * capped and swept, and what large guilds send in GUILD_CREATE that no Botdeck feature reads
 * (emojis, stickers, voice states, stage instances, scheduled events; invites, bans and
 * automod rules as they change) is not kept at all.
 *
 * A shard of a sharded bot gets a client of its own (`shards: [id]`, `shardCount`) whose
 * IDENTIFY waits for its bucket in Redis, so shards on different workers pace together.
 */
@Injectable()
export class BotClientFactory {
  constructor(
    @Inject(botConfigConfig.KEY) private readonly config: BotConfigConfig,
    private readonly metrics: DiscordMetrics,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly worker: WorkerIdentity,
  ) {}

  create(bot: BotEntity, shard: ShardSlot | null = null): Client {
    let throttler: RedisIdentifyThrottler | null = null;
    const client = new Client({
      ...(shard && {
        shards: [shard.id],
        shardCount: shard.count,
        ws: {
          buildIdentifyThrottler: async (manager) => {
            const info = await manager.fetchGatewayInformation();
            throttler = new RedisIdentifyThrottler(
              this.redis,
              bot.id,
              info.session_start_limit.max_concurrency,
              this.worker.id,
            );
            return throttler;
          },
        },
      }),
      intents: bot.intents.map((name) => GatewayIntentBits[name as keyof typeof GatewayIntentBits]),
      rest: { api: `${this.config.discordApiUrl}/api` },
      makeCache: Options.cacheWithLimits({
        ...Options.DefaultMakeCacheSettings,
        MessageManager: 50,
        PresenceManager: 0,
        ReactionManager: 0,
        ReactionUserManager: 0,
        GuildEmojiManager: 0,
        BaseGuildEmojiManager: 0,
        GuildStickerManager: 0,
        VoiceStateManager: 0,
        StageInstanceManager: 0,
        GuildScheduledEventManager: 0,
        GuildInviteManager: 0,
        GuildBanManager: 0,
        AutoModerationRuleManager: 0,
        GuildMemberManager: {
          maxSize: 200,
          keepOverLimit: (member) => member.id === member.client.user.id,
        },
        UserManager: {
          maxSize: 500,
          keepOverLimit: (user) => user.id === user.client.user.id,
        },
      }),
      sweepers: {
        ...(Options.DefaultSweeperSettings as Sweepers),
        messages: { interval: 300, lifetime: 900 },
        users: { interval: 600, filter: () => (user) => user.id !== user.client.user.id },
      },
      // A reply to a message that vanished meanwhile should not throw inside a handler.
      failIfNotExists: false,
    });
    this.metrics.instrument(client);
    if (shard) {
      // @discordjs/ws logs "Identifying" right before it sends the IDENTIFY.
      client.on(Events.Debug, (message) => {
        if (message.includes('] Identifying')) throttler?.identifying(shard.id);
      });
    }
    return client;
  }
}
