import { Inject, Injectable, OnModuleInit, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import {
  NecordExplorerService,
  SlashCommand,
  SlashCommandDiscovery,
  Subcommand,
  SubcommandGroup,
} from 'necord';
import { commandsConfig, type CommandsConfig } from '../commands.config';
import { effectiveCooldown } from '../tracking/cooldowns';
import { COMMAND_COOLDOWN } from './command-cooldown.decorator';
import { EPHEMERAL_REPLY } from './ephemeral-reply.decorator';

export interface RegisteredCommand {
  readonly name: string;
  readonly description: string;
  /** Per-user cooldown in ms (0 = none). */
  readonly cooldownMs: number;
  /** Declared with `@EphemeralReply()`: an automatic deferral is ephemeral. */
  readonly ephemeral: boolean;
  /** necord's discovery: `execute(interaction)` runs the handler with its param decorators. */
  readonly discovery: SlashCommandDiscovery;
}

/**
 * Every `@SlashCommand` handler in the application, found with necord's own explorer (the same
 * discovery NecordModule runs) but without NecordModule's single client: the registry is shared
 * by every managed bot, each of which feeds it its own interactions.
 */
@Injectable()
export class CommandRegistry implements OnModuleInit {
  private readonly commands = new Map<string, RegisteredCommand>();

  constructor(
    private readonly explorer: NecordExplorerService<SlashCommandDiscovery>,
    private readonly reflector: Reflector,
    @Inject(commandsConfig.KEY) private readonly config: CommandsConfig,
  ) {}

  onModuleInit(): void {
    for (const discovery of this.explorer.explore(SlashCommand.KEY)) this.add(discovery);
    // Subcommands hang off their root command, as in necord's own SlashCommandsService.
    for (const sub of this.explorer.explore(Subcommand.KEY)) {
      const owner = sub.getClass() as Type;
      const root: SlashCommandDiscovery | undefined = this.reflector.get(SlashCommand.KEY, owner);
      if (!root) continue;
      const command = this.commands.get(root.getName())?.discovery ?? root;
      if (!this.commands.has(root.getName())) this.add(command);
      const group: SlashCommandDiscovery | undefined = this.reflector.get(
        SubcommandGroup.KEY,
        owner,
      );
      if (group) command.ensureSubcommand(group).ensureSubcommand(sub);
      else command.ensureSubcommand(sub);
    }
  }

  get(name: string): RegisteredCommand | undefined {
    return this.commands.get(name);
  }

  list(): RegisteredCommand[] {
    return [...this.commands.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The body for `application.commands.set(...)`. */
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
    return this.list().map(
      (command) => command.discovery.toJSON() as RESTPostAPIChatInputApplicationCommandsJSONBody,
    );
  }

  private add(discovery: SlashCommandDiscovery): void {
    const name = discovery.getName();
    if (this.commands.has(name)) throw new Error(`Slash command /${name} is declared twice`);
    const handler = discovery.getHandler();
    const declared = handler ? (this.reflector.get<number>(COMMAND_COOLDOWN, handler) ?? 0) : 0;
    this.commands.set(name, {
      name,
      description: discovery.getDescription(),
      cooldownMs: effectiveCooldown(name, declared, this.config.cooldowns),
      ephemeral: handler ? this.reflector.get<boolean>(EPHEMERAL_REPLY, handler) === true : false,
      discovery,
    });
  }
}
