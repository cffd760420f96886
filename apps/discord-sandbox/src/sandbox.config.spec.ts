import { ConfigError, EnvReader } from '@botdeck/core';
import { sandboxConfig } from './sandbox.config';

describe('sandboxConfig', () => {
  it('defaults to port 3300 on loopback with rate limits on and no seed', () => {
    expect(sandboxConfig(new EnvReader({}))).toEqual({
      port: 3300,
      host: '127.0.0.1',
      rateLimits: true,
      seedFile: undefined,
      heartbeatIntervalMs: 41_250,
      logRequests: false,
    });
  });

  it('reads the variables and names a bad one', () => {
    const config = sandboxConfig(
      new EnvReader({
        SANDBOX_PORT: '0',
        SANDBOX_RATE_LIMITS: 'off',
        SANDBOX_SEED_FILE: 'seed.json',
      }),
    );
    expect(config).toMatchObject({ port: 0, rateLimits: false, seedFile: 'seed.json' });
    expect(() => sandboxConfig(new EnvReader({ SANDBOX_PORT: 'abc' }))).toThrow(ConfigError);
    expect(() => sandboxConfig(new EnvReader({ SANDBOX_PORT: '70000' }))).toThrow(/SANDBOX_PORT/);
  });
});
