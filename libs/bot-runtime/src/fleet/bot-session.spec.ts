import type { BotStatus } from '@botdeck/bot-config';
import { Logger } from '@nestjs/common';
import { type Client, Events } from 'discord.js';
import { EventEmitter } from 'node:events';
import type { BotRuntimeConfig } from '../bot-runtime.config';
import type { ReportOptions } from '../status/bot-status.reporter';
import { BotSession, type SessionContext } from './bot-session';
import type { FleetBot } from './fleet.repository';
import { LoginGate } from './login-gate';

/** A discord.js client stand-in: login emits clientReady; the test emits gateway events. */
class FakeClient extends EventEmitter {
  user = null;
  application = null;
  destroyed = false;
  login() {
    setImmediate(() => this.emit(Events.ClientReady));
    return Promise.resolve('token');
  }
  destroy() {
    this.destroyed = true;
    return Promise.resolve();
  }
}

const config = {
  leaseTtlMs: 3_000,
  startMaxAttempts: 1,
  backoffBaseMs: 10,
  backoffMaxMs: 10,
  readyTimeoutMs: 1_000,
  reconnectGiveUpMs: 200,
} as BotRuntimeConfig;

function session() {
  const client = new FakeClient();
  const reports: Array<[BotStatus, string | null, ReportOptions | undefined]> = [];
  let gaveUp = false;
  const ctx: SessionContext = {
    config,
    gate: new LoginGate(1),
    logger: new Logger('test'),
    plugins: () => [],
    createClient: () => client as unknown as Client,
    revealToken: () => 'token',
    report: (_id, status, reason, options) => {
      reports.push([status, reason, options]);
      return Promise.resolve();
    },
    reportShard: () => Promise.resolve(),
    recordIdentity: () => Promise.resolve(),
    gaveUp: () => {
      gaveUp = true;
    },
  };
  const bot = {
    id: 'b1',
    name: 'b1',
    applicationId: null,
    devGuildIds: [],
    runtime: { restartRequestedAt: null },
  } as unknown as FleetBot;
  return { session: new BotSession(bot, ctx), client, reports, gaveUp: () => gaveUp };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('BotSession', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('gives up a bot stuck reconnecting after BOT_RECONNECT_GIVE_UP_MS and hands it back for a claim', async () => {
    const { session: s, client, reports, gaveUp } = session();
    s.start();
    await until(() => s.status === 'online');
    client.emit(Events.ShardReconnecting);
    expect(s.status).toBe('reconnecting');
    await until(gaveUp);
    expect(reports.map(([status]) => status)).toEqual([
      'starting',
      'online',
      'reconnecting',
      'error',
    ]);
    expect(reports[3]).toEqual([
      'error',
      'gave up reconnecting after 0.2 s',
      { retry: true, now: true },
    ]);
    expect(client.destroyed).toBe(true);
  });

  it('keeps a bot that resumed in time', async () => {
    const { session: s, client, gaveUp } = session();
    s.start();
    await until(() => s.status === 'online');
    client.emit(Events.ShardReconnecting);
    client.emit(Events.ShardResume);
    await new Promise((r) => setTimeout(r, config.reconnectGiveUpMs + 100));
    expect(s.status).toBe('online');
    expect(gaveUp()).toBe(false);
    await s.stop('test over', { persist: false });
  });
});
