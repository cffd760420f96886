import { appConfig, exitIfShutdownHangs, runProcess } from '@botdeck/core';
import { Logger } from '@nestjs/common';
import { createApiApp } from './bootstrap';
import { SWAGGER_PATH } from './swagger';

runProcess('api', async () => {
  const config = appConfig();
  const app = await createApiApp();
  exitIfShutdownHangs(config.shutdownTimeoutMs);
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  const logger = new Logger('Api');
  logger.log(`Botdeck API listening on ${url}/api/v1`);
  logger.log(`Swagger UI: ${url}/${SWAGGER_PATH}`);
});
