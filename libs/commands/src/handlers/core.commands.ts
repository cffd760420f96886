import { Inject, Injectable } from '@nestjs/common';
import { Context, SlashCommand, type SlashCommandContext } from 'necord';
import { commandsConfig, type CommandsConfig } from '../commands.config';
import { CommandCooldown } from '../registry/command-cooldown.decorator';
import { CommandRegistry } from '../registry/command-registry';
import { ManagedBots } from '../registry/managed-bots';
import { gatewayPingOf } from './gateway-ping';

export function formatUptime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const parts = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor((seconds % 86_400) / 3_600), 'h'],
    [Math.floor((seconds % 3_600) / 60), 'm'],
    [seconds % 60, 's'],
  ] as const;
  const shown = parts.filter(([value], index) => value > 0 || index === parts.length - 1);
  return shown.map(([value, unit]) => `${value}${unit}`).join(' ');
}

/** The commands every Botdeck bot serves, written once. */
@Injectable()
export class CoreCommands {
  constructor(
    private readonly bots: ManagedBots,
    private readonly registry: CommandRegistry,
    @Inject(commandsConfig.KEY) private readonly config: CommandsConfig,
  ) {}

  @SlashCommand({ name: 'ping', description: 'Gateway and round-trip latency' })
  async ping(@Context() [interaction]: SlashCommandContext): Promise<void> {
    // Known from the first acknowledged heartbeat of the connection (Discord asks for the first
    // one at a random point of its ~41 s interval).
    const gateway = gatewayPingOf(interaction.client, interaction.guild?.shardId ?? 0);
    // A client that never logged in is the API's, serving the bot's HTTP interactions.
    const gatewayText =
      gateway !== null
        ? `${gateway} ms`
        : interaction.client.isReady()
          ? 'not measured yet'
          : 'none (HTTP interactions)';
    const sentAt = Date.now();
    await interaction.reply(`Pong! Gateway: ${gatewayText}`);
    // The round trip is only known once Discord has acknowledged the reply, hence the edit.
    const roundTrip = Date.now() - sentAt;
    await interaction.editReply(`Pong! Gateway: ${gatewayText} · round trip: ${roundTrip} ms`);
  }

  @SlashCommand({ name: 'botinfo', description: 'Uptime, guild count and version of this bot' })
  @CommandCooldown(5_000)
  async botinfo(@Context() [interaction]: SlashCommandContext): Promise<void> {
    const bot = this.bots.forClient(interaction.client);
    const uptime = formatUptime(
      Date.now() - (bot?.startedAt.getTime() ?? interaction.client.readyTimestamp ?? Date.now()),
    );
    await interaction.reply(
      [
        `**${bot?.name ?? interaction.client.user.username}**`,
        `Uptime: ${uptime}`,
        `Guilds: ${interaction.client.guilds.cache.size}`,
        `Botdeck ${this.config.version}`,
      ].join('\n'),
    );
  }

  @SlashCommand({ name: 'help', description: 'What this bot can do' })
  async help(@Context() [interaction]: SlashCommandContext): Promise<void> {
    const lines = this.registry
      .list()
      .map((command) => `/${command.name} — ${command.description}`);
    await interaction.reply({ content: ['**Commands**', ...lines].join('\n') });
  }
}
