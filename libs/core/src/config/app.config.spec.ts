import { readHttpLimits } from './app.config';
import { EnvReader } from './env-reader';

describe('readHttpLimits', () => {
  it('bounds slow clients by default', () => {
    expect(readHttpLimits(new EnvReader({}))).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 10_000,
      maxConnections: 4_096,
    });
  });

  it('refuses a headers timeout longer than the request timeout, naming the variable', () => {
    const env = new EnvReader({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' });
    expect(() => readHttpLimits(env)).toThrow(/^HTTP_HEADERS_TIMEOUT_MS must not exceed/);
  });

  it('refuses timeouts too short to serve anyone', () => {
    expect(() => readHttpLimits(new EnvReader({ HTTP_REQUEST_TIMEOUT_MS: '10' }))).toThrow(
      /^HTTP_REQUEST_TIMEOUT_MS/,
    );
  });
});
