import type { INestApplicationContext } from '@nestjs/common';
import { exitOnSignals } from './shutdown';

const SIGNAL = 'SIGUSR2';

describe('exitOnSignals', () => {
  let remove: (() => void) | undefined;
  afterEach(() => remove?.());

  function context(close: () => Promise<void>) {
    return { close: jest.fn(close) } as unknown as INestApplicationContext & {
      close: jest.Mock;
    };
  }

  it('closes the context once and exits 0 on the signal', async () => {
    const app = context(() => Promise.resolve());
    const exited = new Promise<number>((resolve) => {
      remove = exitOnSignals(app, { timeoutMs: 1_000, signals: [SIGNAL], exit: resolve });
    });
    process.emit(SIGNAL, SIGNAL);
    process.emit(SIGNAL, SIGNAL);
    await expect(exited).resolves.toBe(0);
    expect(app.close).toHaveBeenCalledTimes(1);
  });

  it('exits 1 when a shutdown hook hangs past the deadline', async () => {
    const app = context(() => new Promise<void>(() => undefined));
    const started = Date.now();
    const exited = new Promise<number>((resolve) => {
      remove = exitOnSignals(app, { timeoutMs: 50, signals: [SIGNAL], exit: resolve });
    });
    process.emit(SIGNAL, SIGNAL);
    await expect(exited).resolves.toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('exits 1 when closing fails', async () => {
    const app = context(() => Promise.reject(new Error('boom')));
    const exited = new Promise<number>((resolve) => {
      remove = exitOnSignals(app, { timeoutMs: 1_000, signals: [SIGNAL], exit: resolve });
    });
    process.emit(SIGNAL, SIGNAL);
    await expect(exited).resolves.toBe(1);
  });
});
