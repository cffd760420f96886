import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandLogEntity } from './command-log.entity';
import { CommandLogsController, CommandStatsController } from './command-logs.controller';
import { CommandLogsService } from './command-logs.service';

/** The API side of command logs: reading and statistics. No Discord machinery here. */
@Module({
  imports: [TypeOrmModule.forFeature([CommandLogEntity])],
  controllers: [CommandLogsController, CommandStatsController],
  providers: [CommandLogsService],
  exports: [CommandLogsService],
})
export class CommandLogsModule {}
