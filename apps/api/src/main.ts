import { appConfig, exitIfShutdownHangs, runProcess } from '@botdeck/core';
import { Logger } from '@nestjs/common';
import { createApiApp } from './bootstrap';
import { describeListeners } from './listen-addresses';
import { SWAGGER_PATH } from './swagger';

runProcess('api', async () => {
  const config = appConfig();
  const app = await createApiApp();
  exitIfShutdownHangs(config.shutdownTimeoutMs);
  await app.listen(config.port, config.host);
  const logger = new Logger('Api');
  const { listening, browse } = describeListeners(app.getHttpAdapter().getInstance().addresses());
  for (const line of listening) logger.log(`Botdeck API listening on ${line}`);
  logger.log(`API: ${browse}/api/v1 · Swagger UI: ${browse}/${SWAGGER_PATH}`);
});
