import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { commandLogsConfig } from './command-logs.config';
import { CommandLogEntity } from './command-log.entity';
import { CommandLogsController, CommandStatsController } from './command-logs.controller';
import { CommandLogsService } from './command-logs.service';
import { CommandLogSearchService } from './search/command-log-search.service';

/** The API side of command logs: reading, search and statistics. No Discord machinery here. */
@Module({
  imports: [
    ConfigModule.forFeature(commandLogsConfig),
    TypeOrmModule.forFeature([CommandLogEntity]),
  ],
  controllers: [CommandLogsController, CommandStatsController],
  providers: [CommandLogsService, CommandLogSearchService],
  exports: [CommandLogsService, CommandLogSearchService],
})
export class CommandLogsModule {}
