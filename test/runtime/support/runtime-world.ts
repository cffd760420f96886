import { BotLifecycleService, type BotLifecycleState } from '@botdeck/bot-runtime';
import type { BotStatus } from '@botdeck/bot-config';
import {
  type CreatedBot,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from '@botdeck/discord-sandbox';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { isolatedDatabase } from '../../support/isolated-database';
import { startApi, type TestApi } from '../../support/api';
import { authHeader, loginAs } from '../../support/auth';
import { setEnv } from '../../support/env';

/** Short timings so takeovers and retries happen within a test's patience. */
export const TEST_RUNTIME_ENV: Record<string, string> = {
  BOT_LEASE_TTL_MS: '3000',
  BOT_LEASE_RENEW_MS: '1000',
  BOT_RECONCILE_INTERVAL_MS: '300',
  BOT_START_BACKOFF_MS: '200',
  BOT_START_BACKOFF_MAX_MS: '1000',
  BOT_START_MAX_ATTEMPTS: '3',
  BOT_READY_TIMEOUT_MS: '10000',
};

export interface RuntimeWorld {
  sandbox: RunningSandbox;
  api: TestApi;
  operator: string;
  guildId: string;
  /** Everything a worker (in-process or child) needs to share this world. */
  env: Record<string, string>;
  /** A sandbox bot in the world's guild plus its Botdeck configuration (created, not started). */
  createBot(options?: {
    token?: string;
    name?: string;
    /** Gateway intents (default: the API's default, `Guilds`). */
    intents?: string[];
  }): Promise<{ id: string; sandbox: CreatedBot }>;
  startWorker(env?: Record<string, string>): Promise<INestApplicationContext>;
  /** Closes a worker started here (SIGTERM's path: every shutdown hook runs). */
  stopWorker(worker: INestApplicationContext): Promise<void>;
  lifecycle(action: 'start' | 'stop' | 'restart', botId: string): Promise<BotLifecycleState>;
  waitForStatus(
    botId: string,
    statuses: BotStatus[],
    timeoutMs?: number,
  ): Promise<BotLifecycleState>;
  /** Connected gateway sessions per sandbox bot user id. */
  connectedSessions(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

let sequence = 0;

/**
 * A Botdeck of its own: isolated database and Redis prefix (so no other test's worker claims
 * these bots and no other test's bot lands here), a sandbox, and the API pointed at it.
 */
export async function startRuntimeWorld(
  sandboxOptions: SandboxOptions = {},
  /** More settings for the API and every worker of this world (e.g. a private REDIS_URL). */
  extraEnv: Record<string, string> = {},
): Promise<RuntimeWorld> {
  const database = await isolatedDatabase();
  const sandbox = await startSandbox({ rateLimits: false, ...sandboxOptions });
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? 'botdeck-test-'}rt${randomBytes(3).toString('hex')}:`,
    DISCORD_API_URL: sandbox.baseUrl,
    ...TEST_RUNTIME_ENV,
    ...extraEnv,
  };
  const restoreEnv = setEnv(env);
  const api = await startApi();
  const operator = (await loginAs(api, 'operator')).accessToken;
  const guildId = await sandbox.control.createGuild('Fleet Guild');
  await sandbox.control.createChannel(guildId, 'general');
  const workers: INestApplicationContext[] = [];

  const world: RuntimeWorld = {
    sandbox,
    api,
    operator,
    guildId,
    env,
    async createBot(options = {}) {
      sequence += 1;
      const name = options.name ?? `fleet-${sequence}-${randomBytes(3).toString('hex')}`;
      const created = await sandbox.control.createBot(name);
      await sandbox.control.addBotToGuild(guildId, created.userId);
      const res = await request(api.url)
        .post('/api/v1/bots')
        .set(authHeader(operator))
        .send({ name, token: options.token ?? created.token, intents: options.intents });
      if (res.status !== 201)
        throw new Error(`create bot: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: (res.body as { id: string }).id, sandbox: created };
    },
    async startWorker(extra = {}) {
      const restore = setEnv(extra);
      try {
        const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
        await worker.init();
        workers.push(worker);
        return worker;
      } finally {
        restore();
      }
    },
    async stopWorker(worker) {
      workers.splice(workers.indexOf(worker), 1);
      await worker.close();
    },
    async lifecycle(action, botId) {
      const res = await request(api.url)
        .post(`/api/v1/bots/${botId}/${action}`)
        .set(authHeader(operator));
      if (res.status !== 202)
        throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
      const body = res.body as { id: string } & Omit<
        BotLifecycleState,
        'botId' | 'statusChangedAt'
      >;
      return { ...body, botId: body.id, statusChangedAt: new Date() };
    },
    waitForStatus(botId, statuses, timeoutMs = 15_000) {
      return api.app.get(BotLifecycleService).waitForStatus(botId, statuses, timeoutMs);
    },
    async connectedSessions() {
      const stats = await sandbox.control.stats();
      const counts = new Map<string, number>();
      for (const session of stats.gateway.sessions) {
        if (session.connected)
          counts.set(session.botUserId, (counts.get(session.botUserId) ?? 0) + 1);
      }
      return counts;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await api.close();
      await sandbox.stop();
      restoreEnv();
      await database.drop();
    },
  };
  return world;
}
