import { Module } from '@nestjs/common';
import { BotPluginRegistry } from './bot-plugin';

/** One plugin registry per worker, shared by every module that adds features to the bots. */
@Module({ providers: [BotPluginRegistry], exports: [BotPluginRegistry] })
export class BotPluginModule {}
