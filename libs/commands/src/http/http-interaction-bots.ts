import type { ManagedBot } from '@botdeck/bot-runtime';
import {
  botConfigConfig,
  type BotConfigConfig,
  type BotEntity,
  BotsService,
  BotNotFoundError,
} from '@botdeck/bot-config';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Options } from 'discord.js';
import type { KeyObject } from 'node:crypto';
import { ManagedBots } from '../registry/managed-bots';
import { httpInteractionsConfig, type HttpInteractionsConfig } from './http-interactions.config';
import { ed25519PublicKey } from './interaction-signature';

/** A bot as the HTTP endpoint serves it. */
export interface HttpBot {
  readonly bot: ManagedBot;
  readonly http: boolean;
  readonly publicKey: KeyObject | null;
}

interface Entry {
  readonly loadedAt: number;
  readonly version: number;
  readonly token: string;
  readonly served: HttpBot | null;
}

const GONE: Entry = { loadedAt: 0, version: -1, token: '', served: null };

/**
 * The bots this API instance answers interactions for, read from their configuration and kept
 * for `INTERACTIONS_BOT_CACHE_MS` (any instance can serve any bot; none needs to be told).
 * Each gets a discord.js client that never connects to the gateway: it only turns payloads into
 * interactions whose `reply()` and `editReply()` go through Discord's REST routes.
 */
@Injectable()
export class HttpInteractionBots implements OnApplicationShutdown {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();

  constructor(
    private readonly bots: BotsService,
    private readonly managed: ManagedBots,
    @Inject(botConfigConfig.KEY) private readonly botConfig: BotConfigConfig,
    @Inject(httpInteractionsConfig.KEY) private readonly config: HttpInteractionsConfig,
  ) {}

  /** The bot, or null when it does not exist, read again if what is known is older than `maxAgeMs`. */
  async get(id: string, maxAgeMs = this.config.botCacheMs): Promise<HttpBot | null> {
    const cached = this.entries.get(id);
    if (cached && Date.now() - cached.loadedAt < maxAgeMs) return cached.served;
    let load = this.loading.get(id);
    if (!load) {
      load = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, load);
    }
    return (await load).served;
  }

  onApplicationShutdown(): void {
    for (const entry of this.entries.values()) this.release(entry);
    this.entries.clear();
  }

  private async load(id: string): Promise<Entry> {
    const row = await this.bots.get(id).catch((error: unknown) => {
      if (error instanceof BotNotFoundError) return null;
      throw error;
    });
    const previous = this.entries.get(id);
    if (!row) {
      // Not remembered: ids that name no bot must not fill memory.
      if (previous) this.release(previous);
      this.entries.delete(id);
      return GONE;
    }
    if (previous && previous.version === row.version && previous.served) {
      const kept = { ...previous, loadedAt: Date.now() };
      this.entries.set(id, kept);
      return kept;
    }
    const token = this.bots.revealToken(row);
    const reuse = previous?.served && previous.token === token ? previous.served.bot : null;
    if (previous && !reuse) this.release(previous);
    const bot = reuse
      ? { ...reuse, name: row.name, applicationId: row.applicationId }
      : this.start(row, token);
    this.managed.add(bot);
    const entry: Entry = {
      loadedAt: Date.now(),
      version: row.version,
      token,
      served: {
        bot,
        http: row.interactionsMode === 'http',
        publicKey: row.publicKey ? ed25519PublicKey(row.publicKey) : null,
      },
    };
    this.entries.set(id, entry);
    return entry;
  }

  private start(row: BotEntity, token: string): ManagedBot {
    const client = new Client({
      intents: [],
      rest: {
        api: `${this.botConfig.discordApiUrl}/api`,
        globalRequestsPerSecond: this.config.globalRequestsPerSecond,
      },
      // Interactions bring their users and members; nothing here needs them kept.
      makeCache: Options.cacheWithLimits({
        ...Options.DefaultMakeCacheSettings,
        MessageManager: 0,
        UserManager: 100,
        GuildMemberManager: 0,
      }),
    });
    client.token = token;
    client.rest.setToken(token);
    return {
      id: row.id,
      name: row.name,
      applicationId: row.applicationId,
      devGuildIds: row.devGuildIds,
      client,
      startedAt: new Date(),
      // Interactions over HTTP come from no gateway shard.
      shard: null,
    };
  }

  private release(entry: Entry): void {
    if (!entry.served) return;
    this.managed.remove(entry.served.bot);
    void entry.served.bot.client.destroy();
  }
}
