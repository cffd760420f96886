import { BotConfigModule, BotsService } from '@botdeck/bot-config';
import { CoreModule, DatabaseModule } from '@botdeck/core';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CliCommand } from '../cli-command';

@Module({ imports: [CoreModule, DatabaseModule.forRoot(), BotConfigModule] })
class KeysRotateModule {}

export const keysRotateCommand: CliCommand = {
  name: 'keys:rotate',
  summary: 'Re-encrypt every bot token under the newest key in BOT_TOKEN_KEYS',
  usage: '',
  options: {},
  async run(_flags, output) {
    const app = await NestFactory.createApplicationContext(KeysRotateModule, {
      logger: false,
      abortOnError: false,
    });
    try {
      const { checked, rotated } = await app.get(BotsService).reencryptTokens();
      output.out(`Checked ${checked} bot token(s); re-encrypted ${rotated} under the newest key`);
    } finally {
      await app.close();
    }
  },
};
