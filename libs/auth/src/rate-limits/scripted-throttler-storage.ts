import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type Redis from 'ioredis';

const COMMAND = 'botdeckThrottle';

type ScriptedRedis = Redis & {
  [COMMAND](hitKey: string, blockKey: string, ...args: Array<string | number>): Promise<unknown>;
};

/**
 * @nest-lab's Redis storage, its script sent once instead of with every request: ioredis runs a
 * defined command by EVALSHA (loading the script on NOSCRIPT), where the library EVALs all of
 * its text each time: the largest single cost of a signed-in read. Same script, same keys, same
 * answers.
 */
export class ScriptedThrottlerStorage extends ThrottlerStorageRedisService {
  constructor(redis: Redis) {
    super(redis);
    redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: this.scriptSrc });
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ) {
    const results = await (this.redis as ScriptedRedis)[COMMAND](
      `{${key}:${throttlerName}}:hits`,
      `{${key}:${throttlerName}}:blocked`,
      throttlerName,
      ttl,
      limit,
      blockDuration,
    );
    if (
      !Array.isArray(results) ||
      results.length !== 4 ||
      !results.every((value) => typeof value === 'number')
    ) {
      throw new TypeError(`Unexpected rate-limit script result: ${JSON.stringify(results)}`);
    }
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = results;
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }
}
