import { EventBus, type EventEnvelope, type EventName } from '@botdeck/core';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { TestApi } from '../support/api';
import { authHeader } from '../support/auth';

/** A product as the API returns it. */
export interface ProductBody {
  id: string;
  sku: string;
  name: string;
  category: string | null;
  priceMinor: number;
  currency: string;
  stock: number | null;
  lowStockThreshold: number;
  lowStock: boolean;
  visible: boolean;
  version: number;
  [field: string]: unknown;
}

/** A prefix no other test (or test file sharing the database) uses, for skus and categories. */
export function uniquePrefix(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

export async function createProduct(
  api: TestApi,
  token: string,
  fields: Record<string, unknown> & { sku: string },
): Promise<ProductBody> {
  const res = await request(api.url)
    .post('/api/v1/products')
    .set(authHeader(token))
    .send({ name: `Product ${fields.sku}`, priceMinor: 1000, currency: 'EUR', ...fields });
  if (res.status !== 201) {
    throw new Error(
      `creating ${fields.sku} failed with ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
  return res.body as ProductBody;
}

export async function getProduct(api: TestApi, token: string, id: string): Promise<ProductBody> {
  const res = await request(api.url).get(`/api/v1/products/${id}`).set(authHeader(token));
  if (res.status !== 200) throw new Error(`GET ${id}: ${res.status}`);
  return res.body as ProductBody;
}

/** Collects the events of `type` published on the bus from now on. */
export async function recordEvents<K extends EventName>(
  api: TestApi,
  type: K,
): Promise<{ events: EventEnvelope<K>[]; stop: () => void }> {
  const events: EventEnvelope<K>[] = [];
  const stop = await api.app.get(EventBus).subscribe(type, (event) => void events.push(event));
  return { events, stop };
}
