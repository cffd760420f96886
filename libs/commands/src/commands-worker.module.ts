import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { NecordExplorerService } from 'necord';
import { commandsConfig } from './commands.config';
import { CoreCommands } from './handlers/core.commands';
import { CommandsPlugin } from './plugin/commands.plugin';
import { CommandRegistry } from './registry/command-registry';
import { ManagedBots } from './registry/managed-bots';
import { CommandLogOutbox } from './tracking/command-log-outbox';
import { CommandLogOutboxStats } from './tracking/command-log-outbox.stats';
import { CommandLogQueue } from './tracking/command-log-queue';
import { CommandLogWriterModule } from './tracking/command-log-writer.module';
import { CommandMetrics } from './tracking/command-metrics';
import { CommandTracker } from './tracking/command-tracker';
import { Cooldowns } from './tracking/cooldowns';

// necord keeps its context creator out of its index; there is no exports map to forbid this.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { NecordContextCreator } = require('necord/dist/necord-context.creator') as {
  NecordContextCreator: new (...args: never[]) => unknown;
};

/**
 * The worker side: slash-command handlers found through necord's discovery, served by every
 * managed bot through the commands plugin, tracked, and logged through the durable queue.
 * NecordModule is deliberately absent: it binds (and logs in) a single client.
 */
@Module({
  imports: [ConfigModule.forFeature(commandsConfig), DiscoveryModule, CommandLogWriterModule],
  providers: [
    NecordExplorerService,
    NecordContextCreator,
    CommandRegistry,
    ManagedBots,
    CommandLogQueue,
    CommandLogOutboxStats,
    CommandLogOutbox,
    Cooldowns,
    CommandMetrics,
    CommandTracker,
    CommandsPlugin,
    CoreCommands,
  ],
  exports: [
    CommandRegistry,
    CommandsPlugin,
    CommandTracker,
    CommandMetrics,
    CommandLogQueue,
    CommandLogOutbox,
    CommandLogOutboxStats,
  ],
})
export class CommandsWorkerModule {}
