import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { NecordExplorerService } from 'necord';
import { commandsConfig } from './commands.config';
import { CoreCommands } from './handlers/core.commands';
import { CommandRegistry } from './registry/command-registry';
import { ManagedBots } from './registry/managed-bots';
import { CommandLogOutbox } from './tracking/command-log-outbox';
import { CommandLogOutboxStats } from './tracking/command-log-outbox.stats';
import { CommandLogQueue } from './tracking/command-log-queue';
import { CommandLogStore } from './tracking/command-log.store';
import { CommandMetrics } from './tracking/command-metrics';
import { CommandTracker } from './tracking/command-tracker';
import { Cooldowns } from './tracking/cooldowns';

// necord keeps its context creator out of its index; there is no exports map to forbid this.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { NecordContextCreator } = require('necord/dist/necord-context.creator') as {
  NecordContextCreator: new (...args: never[]) => unknown;
};

/**
 * What runs a slash command, wherever its interaction arrived from (a worker's gateway
 * connection or the API's HTTP endpoint): the handlers found through necord's discovery, the
 * tracker with its cooldowns, and the outbox into the durable log queue. Writing that queue
 * into PostgreSQL is the worker's job (`CommandLogWriterModule`).
 */
@Module({
  imports: [ConfigModule.forFeature(commandsConfig), DiscoveryModule],
  providers: [
    NecordExplorerService,
    NecordContextCreator,
    CommandRegistry,
    ManagedBots,
    CommandLogQueue,
    CommandLogOutboxStats,
    CommandLogOutbox,
    // The outbox's last resort at shutdown: what Redis would not take goes straight to the table.
    CommandLogStore,
    Cooldowns,
    CommandMetrics,
    CommandTracker,
    CoreCommands,
  ],
  exports: [
    CommandRegistry,
    ManagedBots,
    CommandTracker,
    CommandMetrics,
    CommandLogQueue,
    CommandLogOutbox,
    CommandLogOutboxStats,
  ],
})
export class CommandHandlingModule {}
