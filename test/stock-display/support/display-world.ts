import type { StockDisplayDto } from '@botdeck/stock-display';
import type { ApiMessage } from '@botdeck/discord-sandbox';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { authHeader } from '../../support/auth';
import { until } from '../../support/eventually';
import { type RuntimeWorld, startRuntimeWorld } from '../../runtime/support/runtime-world';

/** Short windows so a test sees coalescing and rechecks within its patience. */
export const TEST_DISPLAY_ENV: Record<string, string> = {
  STOCK_DISPLAY_COALESCE_MS: '200',
  STOCK_DISPLAY_RECHECK_MS: '2000',
};

export interface DisplayWorld extends RuntimeWorld {
  /** A running bot (GuildMessages, so it hears deletions) and a fresh channel for it. */
  startShop(): Promise<{
    botId: string;
    botUserId: string;
    channelId: string;
    /** What a display for this shop's channel is created with. */
    target: { botId: string; guildId: string; channelId: string };
  }>;
  call<T = unknown>(
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: T }>;
  createProduct(fields: Record<string, unknown>): Promise<{ id: string; version: number }>;
  setStock(productId: string, set: number | null): Promise<void>;
  adjustStock(productId: string, delta: number): Promise<void>;
  createDisplay(fields: Record<string, unknown>): Promise<StockDisplayDto>;
  display(id: string): Promise<StockDisplayDto>;
  /** Polls the display until `accept` holds (states are waited for, never assumed). */
  waitForDisplay(
    id: string,
    accept: (display: StockDisplayDto) => boolean,
    timeoutMs?: number,
  ): Promise<StockDisplayDto>;
  /** The channel's messages as a user sees them, oldest first. */
  messages(channelId: string): Promise<ApiMessage[]>;
  /** Requests to `route` (e.g. `PATCH /channels/:channelId/messages/:messageId`) and all 429s. */
  requestCounts(route: string): Promise<{ requests: number; rateLimited: number }>;
  worker: INestApplicationContext | null;
}

export function descriptionOf(message: ApiMessage | undefined): string {
  const embeds = (message?.embeds ?? []) as { description?: string }[];
  return embeds.map((embed) => embed.description ?? '').join('\n');
}

/**
 * A runtime world with Discord's rate limits on in the sandbox (so a 429 would be counted),
 * shop-sized timings, and helpers for products and displays over REST.
 */
export async function startDisplayWorld(options: { worker?: boolean } = {}): Promise<DisplayWorld> {
  const runtime = await startRuntimeWorld(
    { rateLimits: true, identifyPacing: false },
    TEST_DISPLAY_ENV,
  );
  const world = runtime as DisplayWorld;
  world.worker = options.worker === false ? null : await runtime.startWorker();

  world.call = async (method, path, body, token = runtime.operator) => {
    let call = request(runtime.api.url)[method](`/api/v1${path}`).set(authHeader(token));
    if (body !== undefined) call = call.send(body as object);
    const res = await call;
    return { status: res.status, body: res.body };
  };
  const expectStatus = async <T>(
    status: number,
    call: Promise<{ status: number; body: unknown }>,
  ): Promise<T> => {
    const res = await call;
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  world.startShop = async () => {
    const bot = await runtime.createBot({ intents: ['Guilds', 'GuildMessages'] });
    const channelId = await runtime.sandbox.control.createChannel(runtime.guildId, 'stock');
    await runtime.lifecycle('start', bot.id);
    await runtime.waitForStatus(bot.id, ['online'], 30_000);
    return {
      botId: bot.id,
      botUserId: bot.sandbox.userId,
      channelId,
      target: { botId: bot.id, guildId: runtime.guildId, channelId },
    };
  };
  world.createProduct = (fields) =>
    expectStatus(
      201,
      world.call('post', '/products', { currency: 'EUR', priceMinor: 100, ...fields }),
    );
  world.setStock = async (productId, set) => {
    await expectStatus(
      200,
      world.call('post', `/products/${productId}/stock`, { set, reason: 'test' }),
    );
  };
  world.adjustStock = async (productId, delta) => {
    await expectStatus(
      200,
      world.call('post', `/products/${productId}/stock`, { delta, reason: 'test' }),
    );
  };
  world.createDisplay = (fields) =>
    expectStatus(201, world.call('post', '/stock-displays', { title: 'Live stock', ...fields }));
  world.display = (id) => expectStatus(200, world.call('get', `/stock-displays/${id}`));
  world.waitForDisplay = (id, accept, timeoutMs = 15_000) =>
    until(`display ${id} in the expected state`, () => world.display(id), accept, {
      timeoutMs,
      intervalMs: 100,
    });
  world.messages = async (channelId) => {
    const messages = await runtime.sandbox.control.channelMessages(channelId);
    return [...messages].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  };
  world.requestCounts = async (route) => {
    const stats = await runtime.sandbox.control.stats();
    const requests = stats.http.routes
      .filter((row) => row.route === route)
      .reduce((sum, row) => sum + row.requests, 0);
    return { requests, rateLimited: stats.http.totals.rateLimited };
  };
  return world;
}
