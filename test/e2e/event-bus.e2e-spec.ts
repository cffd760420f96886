import { CoreModule, EventBus, type EventEnvelope } from '@botdeck/core';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import '@botdeck/bot-config';

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
});
