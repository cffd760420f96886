import type { ManagedBot } from '@botdeck/bot-runtime';
import { AppError } from '@botdeck/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  DiscordAPIError,
  MessageFlags,
} from 'discord.js';
import { commandsConfig, type CommandsConfig } from '../commands.config';
import type { CommandOutcome } from '../logs/command-log.entity';
import type { RegisteredCommand } from '../registry/command-registry';
import { armAutoDefer } from './auto-defer';
import { CommandLogOutbox } from './command-log-outbox';
import { CommandMetrics, UNREGISTERED_COMMAND } from './command-metrics';
import type { CommandLogRecord } from './command-log-record';
import { cooldownMessage, Cooldowns } from './cooldowns';
import { COMMAND_ERRORS } from '../commands.errors';

/** A stable code for what a handler threw. */
export function errorCodeOf(error: unknown): string {
  if (error instanceof AppError) return error.code;
  if (error instanceof DiscordAPIError) return `DISCORD_${error.code}`;
  return COMMAND_ERRORS.COMMAND_FAILED;
}

/**
 * What a handler threw, in words, for the log's search: the message of a Botdeck or Discord
 * error (written for people), never that of anything else (it may hold internals).
 */
export function errorMessageOf(error: unknown): string | null {
  if (error instanceof AppError || error instanceof DiscordAPIError) {
    return error.message.slice(0, 500);
  }
  return null;
}

/** Options by name, subcommands nested, as stored in the log. */
export function optionsOf(data: readonly CommandInteractionOption[]): Record<string, unknown> {
  return Object.fromEntries(
    data.map((option) => [
      option.name,
      option.options ? optionsOf(option.options) : (option.value ?? null),
    ]),
  );
}

function commandPath(interaction: ChatInputCommandInteraction): string {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false);
  return [interaction.commandName, group, sub].filter(Boolean).join(' ');
}

/**
 * Runs one slash command for one bot from start to end: cooldown, start record, the handler
 * (auto-deferred when slow), an ephemeral error message when it throws, end record. Records go
 * to the durable log queue; nothing here waits on PostgreSQL.
 */
@Injectable()
export class CommandTracker {
  private readonly logger = new Logger(CommandTracker.name);

  constructor(
    private readonly outbox: CommandLogOutbox,
    private readonly cooldowns: Cooldowns,
    private readonly metrics: CommandMetrics,
    @Inject(commandsConfig.KEY) private readonly config: CommandsConfig,
  ) {}

  async run(
    bot: ManagedBot,
    interaction: ChatInputCommandInteraction,
    command: RegisteredCommand | undefined,
  ): Promise<CommandLogRecord> {
    const startedAt = Date.now();
    const start: CommandLogRecord = {
      interactionId: interaction.id,
      botId: bot.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      userId: interaction.user.id,
      userName: interaction.user.username,
      command: commandPath(interaction),
      options: optionsOf(interaction.options.data),
      status: 'started',
      errorCode: null,
      durationMs: null,
      deferred: false,
      createdAt: new Date(startedAt).toISOString(),
      finishedAt: null,
    };
    const finish = (
      status: CommandOutcome,
      errorCode: string | null = null,
      deferred = false,
      errorMessage: string | null = null,
    ) => {
      const end: CommandLogRecord = {
        ...start,
        status,
        errorCode,
        errorMessage,
        deferred: deferred || interaction.deferred,
        durationMs: Date.now() - startedAt,
        finishedAt: new Date().toISOString(),
      };
      this.enqueue(end);
      this.metrics.record(command?.name ?? UNREGISTERED_COMMAND, status, end.durationMs ?? 0);
      return end;
    };

    if (!command) {
      await this.tellUser(interaction, 'This command is not available any more.');
      return finish('error', COMMAND_ERRORS.UNKNOWN_COMMAND);
    }
    if (command.cooldownMs > 0) {
      const waitMs = await this.cooldowns
        .take(bot.id, command.name, start.userId, command.cooldownMs)
        .catch((error: unknown) => {
          // Redis trouble must not take the commands down with it: let the user through.
          this.logger.warn({ err: error }, 'Cooldown check failed; not enforcing it');
          return 0;
        });
      if (waitMs > 0) {
        await this.tellUser(interaction, cooldownMessage(waitMs));
        return finish('rate_limited', COMMAND_ERRORS.COMMAND_RATE_LIMITED);
      }
    }

    this.enqueue(start);
    const handle = armAutoDefer(
      interaction,
      Math.max(0, this.config.autoDeferMs - (Date.now() - startedAt)),
      (error) => this.logger.warn({ err: error, command: command.name }, 'Auto-defer failed'),
      { ephemeral: command.ephemeral },
    );
    try {
      await command.discovery.execute(interaction);
      await handle.settle();
      return finish('success', null, handle.autoDeferred);
    } catch (error) {
      await handle.settle();
      const code = errorCodeOf(error);
      this.logger.error({ err: error, command: command.name, botId: bot.id }, 'Command failed');
      await this.tellUser(
        interaction,
        `Sorry, /${command.name} failed (${code}). Please try again later.`,
      );
      return finish('error', code, handle.autoDeferred, errorMessageOf(error));
    }
  }

  /**
   * An ephemeral message in whatever form the interaction's state allows: the initial reply,
   * the edit of a deferred one (the only way to end its "thinking…" state), or a follow-up.
   */
  private async tellUser(interaction: ChatInputCommandInteraction, content: string): Promise<void> {
    try {
      if (interaction.replied) {
        await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
      } else if (interaction.deferred) {
        await interaction.editReply({ content });
      } else {
        await interaction.reply({ content, flags: MessageFlags.Ephemeral });
      }
    } catch (error) {
      this.logger.warn({ err: error, interactionId: interaction.id }, 'Could not tell the user');
    }
  }

  private enqueue(record: CommandLogRecord): void {
    // Not awaited: the user's answer must not wait on Redis. The outbox never rejects: what
    // the stream cannot take now, it holds and sends later.
    void this.outbox.send(record);
  }
}
