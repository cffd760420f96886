import { registerAs } from '@nestjs/config';
import { EnvReader } from './env-reader';

export const redisConfig = registerAs('redis', () => {
  const env = new EnvReader();
  return {
    url: env.url('REDIS_URL', {
      default: 'redis://127.0.0.1:6379',
      protocols: ['redis', 'rediss'],
    }),
    /** Prepended to every key Botdeck writes, so several deployments (or test runs) share one Redis. */
    keyPrefix: env.string('REDIS_KEY_PREFIX', { default: 'botdeck:' }),
  };
});

export type RedisConfig = ReturnType<typeof redisConfig>;
