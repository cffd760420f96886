import { Injectable, Logger } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { Client } from 'discord.js';

/** A bot the worker is running: its configuration and its own discord.js client. */
export interface ManagedBot {
  readonly id: string;
  readonly name: string;
  readonly applicationId: string | null;
  /** When set, slash commands are registered in these guilds instead of globally. */
  readonly devGuildIds: readonly string[];
  readonly client: Client;
  readonly startedAt: Date;
  /** The gateway shard this client runs, or null for a bot that runs unsharded. */
  readonly shard: { readonly id: number; readonly count: number } | null;
}

/**
 * Whether this client does its bot's bot-wide work: registering its commands, sending its bulk
 * messages, keeping its stock displays. Each shard of a sharded bot is a client of its own,
 * maybe in another worker, and all of them hear their own guilds; bot-wide work is done once,
 * by shard 0 (or the one client of an unsharded bot), through REST, which any shard reaches.
 */
export function runsBotWideWork(bot: ManagedBot): boolean {
  return bot.shard === null || bot.shard.id === 0;
}

/**
 * Something every managed bot carries (slash commands, listeners). Plugins are registered once
 * per worker and applied to each bot's client, so a feature is written once and served by
 * every bot.
 */
export interface BotPlugin {
  readonly name: string;
  /** Called before login: attach listeners to `bot.client`. */
  attach(bot: ManagedBot): void;
  /** Called once the client is ready (guilds received); a throw fails the start. */
  onReady?(bot: ManagedBot): Promise<void>;
  /** Called before the client is destroyed. */
  detach?(bot: ManagedBot): void;
}

@Injectable()
export class BotPluginRegistry {
  private readonly plugins: BotPlugin[] = [];

  register(plugin: BotPlugin): void {
    if (this.plugins.some((existing) => existing.name === plugin.name)) {
      throw new Error(`Bot plugin "${plugin.name}" is registered twice`);
    }
    this.plugins.push(plugin);
  }

  list(): readonly BotPlugin[] {
    return this.plugins;
  }
}

/**
 * Registers `plugin` with this process's bot runtime, if it has one (the worker). Feature
 * modules loaded where no bots run (the API, the CLI) serve nothing and say so once.
 */
export function registerWithRuntime(moduleRef: ModuleRef, plugin: BotPlugin): boolean {
  let plugins: BotPluginRegistry;
  try {
    plugins = moduleRef.get(BotPluginRegistry, { strict: false });
  } catch {
    new Logger(plugin.constructor.name).warn(
      `No bot runtime in this process; the ${plugin.name} plugin serves no bot`,
    );
    return false;
  }
  plugins.register(plugin);
  return true;
}
