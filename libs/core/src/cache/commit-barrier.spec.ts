import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { RedisConfig } from '../config/redis.config';
import { UnitOfWork } from '../database/unit-of-work';
import { EventBus, type EventName } from '../events/event-bus';
import type { ReadCache } from './read-cache';

function deferred() {
  let resolve!: (value: boolean) => void;
  const promise = new Promise<boolean>((done) => (resolve = done));
  return { promise, resolve };
}

describe('a unit of work and the cache invalidations of its events', () => {
  // No write opens a transaction here, so the data source is never asked for one.
  const uow = new UnitOfWork({} as DataSource);

  it('reports success only once the invalidations its after-commit events started are made', async () => {
    const invalidation = deferred();
    const cache = { invalidate: jest.fn(() => invalidation.promise) } as unknown as ReadCache;
    const published: string[] = [];
    const redis = {
      publish: jest.fn((_channel: string, message: string) => {
        published.push(message);
        return Promise.resolve(1);
      }),
    } as unknown as Redis;
    const bus = new EventBus(redis, { keyPrefix: 'test:' } as RedisConfig, cache);

    let done = false;
    const run = uow
      .run(() => {
        uow.afterCommit(() => bus.publish('some.event' as EventName, {} as never));
        return Promise.resolve('ok');
      })
      .then((value) => {
        done = true;
        return value;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cache.invalidate).toHaveBeenCalledWith(['some.event']);
    expect(done).toBe(false);
    // The event itself waits for the invalidation too: whoever hears it reads the change.
    expect(published).toEqual([]);

    invalidation.resolve(true);
    await expect(run).resolves.toBe('ok');
    await new Promise((resolve) => setImmediate(resolve));
    expect(published).toHaveLength(1);
  });

  it('flags an event whose invalidation could not be made, so that its hearers make it', async () => {
    const cache = { invalidate: () => Promise.resolve(false) } as unknown as ReadCache;
    const messages: string[] = [];
    const redis = {
      publish: (_channel: string, message: string) => {
        messages.push(message);
        return Promise.resolve(1);
      },
    } as unknown as Redis;
    const bus = new EventBus(redis, { keyPrefix: 'test:' } as RedisConfig, cache);
    await bus.publish('some.event' as EventName, {} as never);
    expect(JSON.parse(messages[0])).toMatchObject({ type: 'some.event', uninvalidated: true });
  });
});
