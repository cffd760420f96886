import { CoreModule, QueueModule, registerProducerQueue, toErrorEnvelope } from '@botdeck/core';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { eventually } from '../support/eventually';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';

const QUEUE = 'outage-probe';
// Adding a job with Redis away must fail well within this (it would wait for Redis otherwise).
const HANG_MS = 5_000;

@Module({ imports: [CoreModule, QueueModule, registerProducerQueue(QUEUE)] })
class ProducerModule {}

describe('Redis outage: a queue a request adds jobs to', () => {
  let proxy: TcpProxy;
  let context: INestApplicationContext;
  let queue: Queue;

  beforeAll(async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    const previous = { ...process.env };
    Object.assign(process.env, {
      REDIS_URL: throughProxy('redis://127.0.0.1:6379', proxy),
      REDIS_COMMAND_TIMEOUT_MS: '1000',
      REDIS_CONNECT_TIMEOUT_MS: '1000',
    });
    try {
      context = await NestFactory.createApplicationContext(ProducerModule, { logger: false });
    } finally {
      process.env = previous;
    }
    queue = context.get<Queue>(getQueueToken(QUEUE));
  });
  afterAll(async () => {
    await proxy?.restore();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await context?.close();
    await proxy?.close();
  });

  async function expectAddUnavailable(): Promise<number> {
    const started = Date.now();
    const error: unknown = await queue.add('job', { n: 1 }).then(
      () => new Error('the job was added'),
      (failure: unknown) => failure,
    );
    const ms = Date.now() - started;
    expect(ms).toBeLessThan(HANG_MS);
    expect(toErrorEnvelope(error, 'r').body).toMatchObject({
      statusCode: 503,
      code: 'DEPENDENCY_UNAVAILABLE',
      details: { dependency: 'redis' },
    });
    return ms;
  }

  it('fails an add promptly, as 503, while Redis refuses or does not answer, and adds again after', async () => {
    expect((await queue.add('job', { n: 0 })).id).toBeDefined();

    await proxy.cut('refuse');
    const refused = await expectAddUnavailable();
    await proxy.restore();
    await eventually('adding to work again', async () =>
      expect((await queue.add('job', { n: 2 })).id).toBeDefined(),
    );

    await proxy.cut('blackhole');
    const unanswered = await expectAddUnavailable();
    await proxy.restore();
    await eventually('adding to work again', async () =>
      expect((await queue.add('job', { n: 3 })).id).toBeDefined(),
    );
    process.stdout.write(
      `queue add with Redis away failed after ${refused} ms (refused), ${unanswered} ms (no answer)\n`,
    );
  });
});
