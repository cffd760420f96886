import { Module } from '@nestjs/common';
import { CommandActivity } from './command-activity';

/** Read-only command figures for monitoring (the API side); needs the database module. */
@Module({
  providers: [CommandActivity],
  exports: [CommandActivity],
})
export class CommandActivityModule {}
