import { ConfigError } from '@botdeck/core';
import { metricsConfig } from './metrics.config';

const VARIABLES = ['METRICS_TOKEN', 'METRICS_SNAPSHOT_INTERVAL_MS', 'METRICS_PORT', 'METRICS_HOST'];

describe('metricsConfig', () => {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  const load = (env: Record<string, string>) => {
    for (const name of VARIABLES) delete process.env[name];
    Object.assign(process.env, env);
    return metricsConfig();
  };
  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('defaults to no token (scrapes refused), no worker listener and 5 s snapshots', () => {
    expect(load({})).toEqual({
      snapshotIntervalMs: 5_000,
      token: undefined,
      workerPort: undefined,
      workerHost: '0.0.0.0',
    });
  });

  it('reads every variable', () => {
    expect(
      load({
        METRICS_TOKEN: 'x'.repeat(16),
        METRICS_SNAPSHOT_INTERVAL_MS: '1000',
        METRICS_PORT: '9464',
        METRICS_HOST: '127.0.0.1',
      }),
    ).toEqual({
      snapshotIntervalMs: 1_000,
      token: 'x'.repeat(16),
      workerPort: 9464,
      workerHost: '127.0.0.1',
    });
  });

  it.each([
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN/],
    [{ METRICS_SNAPSHOT_INTERVAL_MS: '50' }, /METRICS_SNAPSHOT_INTERVAL_MS/],
    [{ METRICS_PORT: 'http' }, /METRICS_PORT/],
    [{ METRICS_PORT: '70000' }, /METRICS_PORT/],
  ])('refuses %p, naming the variable', (env, name) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(name);
  });
});
