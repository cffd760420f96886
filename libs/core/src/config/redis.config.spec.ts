import { redisConfig } from './redis.config';

describe('redisConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('derives the default key prefix from the database name, so two local instances never share queues', () => {
    delete process.env.REDIS_KEY_PREFIX;
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/botdeck';
    expect(redisConfig().keyPrefix).toBe('botdeck:botdeck:');
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/botdeck_demo';
    expect(redisConfig().keyPrefix).toBe('botdeck:botdeck_demo:');
    delete process.env.DATABASE_URL;
    expect(redisConfig().keyPrefix).toBe('botdeck:botdeck:');
  });

  it('keeps an explicit REDIS_KEY_PREFIX', () => {
    process.env.REDIS_KEY_PREFIX = 'shared:';
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/other';
    expect(redisConfig().keyPrefix).toBe('shared:');
  });
});
