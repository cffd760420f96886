import { Module } from '@nestjs/common';
import { CommandHandlingModule } from './command-handling.module';
import { CommandsPlugin } from './plugin/commands.plugin';
import { CommandLogWriterModule } from './tracking/command-log-writer.module';

/**
 * The worker side: slash-command handlers served by every managed bot through the commands
 * plugin, tracked, and logged through the durable queue, which this process also drains.
 * NecordModule is deliberately absent: it binds (and logs in) a single client.
 */
@Module({
  imports: [CommandHandlingModule, CommandLogWriterModule],
  providers: [CommandsPlugin],
  exports: [CommandHandlingModule, CommandsPlugin],
})
export class CommandsWorkerModule {}
