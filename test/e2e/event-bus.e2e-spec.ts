import { CoreModule, EventBus, type EventEnvelope } from '@botdeck/core';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import '@botdeck/bot-config';
import { eventually } from '../support/eventually';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';

describe('EventBus over Redis pub/sub', () => {
  let publisher: INestApplicationContext;
  let listener: INestApplicationContext;

  beforeAll(async () => {
    publisher = await NestFactory.createApplicationContext(CoreModule, { logger: false });
    listener = await NestFactory.createApplicationContext(CoreModule, { logger: false });
  });
  afterAll(async () => {
    await publisher.close();
    await listener.close();
  });

  it('delivers an event published by one process to subscribers in another', async () => {
    const received: EventEnvelope[] = [];
    const all: string[] = [];
    const arrived = new Promise<void>((resolve) => {
      void listener.get(EventBus).subscribe('bot.status', (event) => {
        received.push(event);
        resolve();
      });
    });
    await listener.get(EventBus).subscribe('*', (event) => void all.push(event.type));

    const payload = {
      botId: 'b1',
      name: 'one',
      status: 'online' as const,
      reason: null,
      workerId: 'w1',
    };
    await publisher.get(EventBus).publish('bot.status', payload);
    await arrived;

    expect(received).toEqual([{ type: 'bot.status', payload, at: expect.any(String) }]);
    expect(all).toEqual(['bot.status']);
  });

  it('never fails the publisher when Redis is away: the event is counted as unsent', async () => {
    const proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    const previous = { ...process.env };
    Object.assign(process.env, {
      REDIS_URL: throughProxy('redis://127.0.0.1:6379', proxy),
      REDIS_COMMAND_TIMEOUT_MS: '1000',
    });
    const context = await NestFactory.createApplicationContext(CoreModule, { logger: false });
    process.env = previous;
    try {
      const bus = context.get(EventBus);
      const payload = { botId: 'b2', name: 'two', status: 'online' as const, reason: null };
      expect(await bus.publish('bot.status', { ...payload, workerId: 'w1' })).toBe(true);

      await proxy.cut('blackhole');
      const started = Date.now();
      await expect(bus.publish('bot.status', { ...payload, workerId: 'w2' })).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(bus.unsentCount).toBe(1);

      await proxy.restore();
      await eventually('publishing to work again', async () =>
        expect(await bus.publish('bot.status', { ...payload, workerId: 'w3' })).toBe(true),
      );
    } finally {
      await proxy.restore();
      await context.close();
      await proxy.close();
    }
  });
});
