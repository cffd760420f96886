import { ConfigError, EnvReader } from './env-reader';

describe('EnvReader', () => {
  it('names the variable when a required one is missing', () => {
    const env = new EnvReader({});
    expect(() => env.string('JWT_SECRET')).toThrow(new ConfigError('JWT_SECRET', 'is required'));
  });

  it('treats blank values as missing and applies defaults', () => {
    const env = new EnvReader({ PORT: '  ' });
    expect(env.int('PORT', { default: 3000 })).toBe(3000);
  });

  it('rejects malformed integers and out-of-range values with the variable name', () => {
    expect(() => new EnvReader({ PORT: '30x0' }).int('PORT')).toThrow(/^PORT must be an integer/);
    expect(() => new EnvReader({ PORT: '70000' }).int('PORT', { max: 65535 })).toThrow(
      /^PORT must be at most 65535/,
    );
  });

  it('parses booleans strictly', () => {
    expect(new EnvReader({ A: 'yes' }).bool('A')).toBe(true);
    expect(new EnvReader({ A: 'off' }).bool('A')).toBe(false);
    expect(() => new EnvReader({ A: 'maybe' }).bool('A')).toThrow(/^A must be true or false/);
  });

  it('checks URL syntax and protocol', () => {
    const env = new EnvReader({ REDIS_URL: 'http://x', DATABASE_URL: 'not a url' });
    expect(() => env.url('REDIS_URL', { protocols: ['redis'] })).toThrow(
      /^REDIS_URL must use one of: redis/,
    );
    expect(() => env.url('DATABASE_URL', { protocols: ['postgres'] })).toThrow(
      /^DATABASE_URL must be a valid URL/,
    );
  });

  it('restricts enumerations', () => {
    expect(() => new EnvReader({ NODE_ENV: 'staging' }).oneOf('NODE_ENV', ['test'])).toThrow(
      /^NODE_ENV must be one of: test/,
    );
  });
});
