import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';

export interface TestApi {
  app: NestFastifyApplication;
  /** Base URL of the listening server, for supertest and socket.io clients. */
  url: string;
  close(): Promise<void>;
}

/** Starts the real API (same bootstrap as production) on a random port. */
export async function startApi(env: Record<string, string> = {}): Promise<TestApi> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const app = await createApiApp();
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    return { app, url, close: () => app.close() };
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
