import { runProcess } from '@botdeck/core';
import { startSandbox } from './sandbox';
import { sandboxConfig } from './sandbox.config';

runProcess('discord-sandbox', async () => {
  const config = sandboxConfig();
  const sandbox = await startSandbox({
    port: config.port,
    host: config.host,
    rateLimits: config.rateLimits,
    seed: config.seedFile,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    logRequests: config.logRequests,
  });
  process.stdout.write(
    `discord-sandbox listening on ${sandbox.baseUrl} (REST ${sandbox.apiUrl}, gateway ${sandbox.gatewayUrl}, ` +
      `control ${sandbox.baseUrl}/_sandbox, rate limits ${config.rateLimits ? 'on' : 'off'})\n`,
  );

  const shutdown = (signal: string) => {
    process.stdout.write(`discord-sandbox: ${signal}, stopping\n`);
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
});
