import type { ApiMessage } from '@botdeck/discord-sandbox';
import request from 'supertest';
import { authHeader } from '../support/auth';
import { eventually } from '../support/eventually';
import type { RuntimeWorld } from '../runtime/support/runtime-world';

export interface MessageItem {
  botId: string;
  channelId: string | null;
  status: 'pending' | 'succeeded' | 'failed';
  messageId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: string | null;
}

export interface MessageOperation {
  id: string;
  kind: string;
  status: 'pending' | 'running' | 'completed' | 'cancelled';
  totals: { total: number; pending: number; succeeded: number; failed: number };
  items: MessageItem[];
  nextCursor: string | null;
  completedAt: string | null;
}

/** Posts a bulk message; answers the raw response so callers can check refusals too. */
export function postBulk(world: RuntimeWorld, body: object, token = world.operator, key?: string) {
  const req = request(world.api.url).post('/api/v1/bulk/messages').set(authHeader(token));
  if (key) req.set('Idempotency-Key', key);
  return req.send(body);
}

export async function sendBulk(world: RuntimeWorld, body: object, token = world.operator) {
  const res = await postBulk(world, body, token);
  if (res.status !== 202)
    throw new Error(`bulk messages: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { operationId: string }).operationId;
}

export async function getOperation(
  world: RuntimeWorld,
  id: string,
  query = '',
): Promise<MessageOperation> {
  const res = await request(world.api.url)
    .get(`/api/v1/bulk/operations/${id}${query}`)
    .set(authHeader(world.operator))
    .expect(200);
  return res.body as MessageOperation;
}

/** Every item of an operation, page by page. */
export async function allItems(world: RuntimeWorld, id: string): Promise<MessageItem[]> {
  const items: MessageItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=1000${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await getOperation(world, id, query);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Waits until the operation has nothing pending; fails showing its last totals. */
export function waitForFinish(
  world: RuntimeWorld,
  id: string,
  timeoutMs = 60_000,
): Promise<MessageOperation> {
  return eventually(
    `message operation ${id} to finish`,
    async () => {
      const operation = await getOperation(world, id, '?limit=1');
      if (operation.totals.pending > 0) throw new Error(JSON.stringify(operation.totals));
      return operation;
    },
    { timeoutMs, intervalMs: 200 },
  );
}

/** The messages the sandbox holds in each channel. */
export async function channelMessages(
  world: RuntimeWorld,
  channelIds: readonly string[],
): Promise<Map<string, ApiMessage[]>> {
  const entries = await Promise.all(
    channelIds.map(async (id) => [id, await world.sandbox.control.channelMessages(id)] as const),
  );
  return new Map(entries);
}

/** 429s the sandbox answered, all routes and bots. */
export async function rateLimited(world: RuntimeWorld): Promise<number> {
  return (await world.sandbox.control.stats()).http.totals.rateLimited;
}

/** Starts every bot and waits until all are online. */
export async function startBots(world: RuntimeWorld, botIds: readonly string[]): Promise<void> {
  await request(world.api.url)
    .post('/api/v1/bulk/bots/start')
    .set(authHeader(world.operator))
    .send({ botIds })
    .expect(202);
  await Promise.all(botIds.map((id) => world.waitForStatus(id, ['online'], 60_000)));
}
