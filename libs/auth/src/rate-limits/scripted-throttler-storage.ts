import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { RedisTimeoutError, SharedRoundTrips } from '@botdeck/core';
import type { ChainableCommander, default as Redis } from 'ioredis';

const COMMAND = 'botdeckThrottle';

type ScriptedPipeline = ChainableCommander & {
  [COMMAND](...increment: Increment): ScriptedPipeline;
};

type Increment = [hitKey: string, blockKey: string, ...args: Array<string | number>];

/**
 * @nest-lab's Redis storage, its script sent once instead of with every request: ioredis runs a
 * defined command by EVALSHA (loading the script on NOSCRIPT), where the library EVALs all of
 * its text each time: the largest single cost of a signed-in read. And concurrent requests'
 * counts go to Redis together, as one pipeline per round trip (`SharedRoundTrips`): each is
 * still its own run of the script, in arrival order. Same script, same keys, same answers.
 */
export class ScriptedThrottlerStorage extends ThrottlerStorageRedisService {
  private readonly counts: SharedRoundTrips<Increment, unknown>;

  constructor(redis: Redis, timeoutMs: number) {
    super(redis);
    redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: this.scriptSrc });
    this.counts = new SharedRoundTrips(
      (increments) => this.send(increments),
      timeoutMs,
      'Redis',
      (message) => new RedisTimeoutError(message),
    );
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ) {
    const results = await this.counts.call([
      `{${key}:${throttlerName}}:hits`,
      `{${key}:${throttlerName}}:blocked`,
      throttlerName,
      ttl,
      limit,
      blockDuration,
    ]);
    if (results instanceof Error) throw results;
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

  private async send(increments: Increment[]): Promise<unknown[]> {
    const pipeline = this.redis.pipeline() as unknown as ScriptedPipeline;
    for (const increment of increments) pipeline[COMMAND](...increment);
    const replies = (await pipeline.exec()) ?? [];
    // A command's own failure is its answer (an Error), not the whole batch's.
    return increments.map((_, index) => {
      const [error, result] = replies[index] ?? [new Error('No reply from Redis'), null];
      return error ?? result;
    });
  }
}
