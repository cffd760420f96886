import { Module } from '@nestjs/common';
import { BotRuntimeStateModule } from '../state/bot-runtime-state.module';
import { BotLifecycleController } from './bot-lifecycle.controller';
import { BotLifecycleService } from './bot-lifecycle.service';

/**
 * The part of the runtime the API carries: lifecycle requests and status waits. It never holds
 * a Discord connection; workers act on what it writes.
 */
@Module({
  imports: [BotRuntimeStateModule],
  controllers: [BotLifecycleController],
  providers: [BotLifecycleService],
  exports: [BotLifecycleService],
})
export class BotLifecycleModule {}
