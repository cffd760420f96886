import {
  type BotPlugin,
  type ManagedBot,
  registerWithRuntime,
  runsBotWideWork,
} from '@botdeck/bot-runtime';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Events, type Interaction } from 'discord.js';
import { CommandRegistry } from '../registry/command-registry';
import { ManagedBots } from '../registry/managed-bots';
import { CommandTracker } from '../tracking/command-tracker';

/**
 * Serves the registry's slash commands on every managed bot: routes each bot's chat-input
 * interactions through the tracker to the shared handlers (the reply goes out through the
 * interaction, i.e. that bot's own client) and registers the commands with that bot's own
 * application once it is ready: every shard listens to its guilds, shard 0 registers.
 */
@Injectable()
export class CommandsPlugin implements BotPlugin, OnModuleInit {
  readonly name = 'commands';
  private readonly logger = new Logger(CommandsPlugin.name);
  private readonly listeners = new Map<ManagedBot, (interaction: Interaction) => void>();

  constructor(
    private readonly registry: CommandRegistry,
    private readonly tracker: CommandTracker,
    private readonly bots: ManagedBots,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    registerWithRuntime(this.moduleRef, this);
  }

  attach(bot: ManagedBot): void {
    this.bots.add(bot);
    const listener = (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      this.tracker
        .run(bot, interaction, this.registry.get(interaction.commandName))
        .catch((error: unknown) =>
          this.logger.error({ err: error, botId: bot.id }, 'Command tracking failed'),
        );
    };
    this.listeners.set(bot, listener);
    bot.client.on(Events.InteractionCreate, listener);
  }

  async onReady(bot: ManagedBot): Promise<void> {
    if (!runsBotWideWork(bot)) return;
    const application = bot.client.application;
    if (!application)
      throw new Error(`Bot ${bot.name} has no application to register commands with`);
    const body = this.registry.toJSON();
    if (bot.devGuildIds.length > 0) {
      await Promise.all(bot.devGuildIds.map((guildId) => application.commands.set(body, guildId)));
    } else {
      await application.commands.set(body);
    }
  }

  detach(bot: ManagedBot): void {
    const listener = this.listeners.get(bot);
    if (listener) bot.client.off(Events.InteractionCreate, listener);
    this.listeners.delete(bot);
    this.bots.remove(bot);
  }
}
