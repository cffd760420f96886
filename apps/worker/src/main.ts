import { appConfig, runProcess } from '@botdeck/core';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { exitOnSignals } from './shutdown';
import { WorkerModule } from './worker.module';

runProcess('worker', async () => {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  const logger = new Logger('Worker');
  // Our own signal handling instead of enableShutdownHooks: same hooks, plus a deadline.
  exitOnSignals(app, {
    timeoutMs: app.get<ReturnType<typeof appConfig>>(appConfig.KEY).shutdownTimeoutMs,
    log: (message) => logger.log(message),
  });
  await app.init();
  logger.log('Botdeck worker started');
});
