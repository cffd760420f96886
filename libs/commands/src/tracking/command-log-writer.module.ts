import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { commandsConfig } from '../commands.config';
import { CommandLogStore } from './command-log.store';
import { CommandLogWriter } from './command-log.writer';
import { CommandSweeper } from './command-sweeper';

/** Drains the log queue into PostgreSQL and sweeps commands that never ended. */
@Module({
  imports: [ConfigModule.forFeature(commandsConfig)],
  providers: [CommandLogStore, CommandLogWriter, CommandSweeper],
  exports: [CommandLogWriter, CommandSweeper, CommandLogStore],
})
export class CommandLogWriterModule {}
