import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { withEnv } from './env';

export interface TestApi {
  app: NestFastifyApplication;
  /** Base URL of the listening server, for supertest and socket.io clients. */
  url: string;
  close(): Promise<void>;
}

/** Starts the real API (same bootstrap as production) on a random port. */
export async function startApi(env: Record<string, string> = {}): Promise<TestApi> {
  return withEnv(env, async () => {
    const app = await createApiApp();
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    return { app, url, close: () => app.close() };
  });
}
