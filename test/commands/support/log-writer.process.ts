/**
 * A log writer alone in its own process, so a test can SIGKILL it mid-batch. Prints "ready"
 * once it is consuming.
 */
import 'reflect-metadata';
import { CommandLogWriterModule } from '@botdeck/commands';
import { CoreModule, DatabaseModule } from '@botdeck/core';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Module({ imports: [CoreModule, DatabaseModule.forRoot(), CommandLogWriterModule] })
class WriterProcessModule {}

void NestFactory.createApplicationContext(WriterProcessModule, { logger: false }).then(
  async (app) => {
    await app.init();
    process.stdout.write('ready\n');
  },
);
