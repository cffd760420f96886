import { UsersService } from '@botdeck/auth';
import type { Role } from '@botdeck/core';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { TestApi } from './api';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export interface LoggedIn {
  user: TestUser;
  accessToken: string;
  refreshToken: string;
}

let sequence = 0;

function uniqueSuffix(): string {
  sequence += 1;
  return `${process.pid.toString(36)}-${sequence}-${randomBytes(4).toString('hex')}`;
}

/**
 * A client address of its own for each login, so logins made by one test never count
 * against another's per-IP login limit (the API trusts X-Forwarded-For).
 */
export function uniqueClientIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

/** Creates a user through Botdeck's own user service; each call gets a fresh email. */
export async function createUser(
  api: TestApi,
  options: { role: Role; email?: string; password?: string; disabled?: boolean },
): Promise<TestUser> {
  const email = options.email ?? `${options.role}-${uniqueSuffix()}@botdeck.test`;
  const password = options.password ?? `test-password-${uniqueSuffix()}`;
  const user = await api.app.get(UsersService).create({
    email,
    password,
    role: options.role,
    disabled: options.disabled ?? false,
  });
  return { id: user.id, email: user.email, password, role: user.role };
}

/** Signs in over HTTP with email and password and returns the token pair. */
export async function login(
  api: Pick<TestApi, 'url'>,
  credentials: { email: string; password: string },
): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await request(api.url)
    .post('/api/v1/auth/login')
    .set('X-Forwarded-For', uniqueClientIp())
    .send({ email: credentials.email, password: credentials.password });
  if (res.status !== 200) {
    throw new Error(`login failed with ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const body = res.body as { accessToken: string; refreshToken: string };
  return { accessToken: body.accessToken, refreshToken: body.refreshToken };
}

/** Creates a fresh user with `role` and signs in as it. */
export async function loginAs(api: TestApi, role: Role): Promise<LoggedIn> {
  const user = await createUser(api, { role });
  const tokens = await login(api, user);
  return { user, ...tokens };
}

export function authHeader(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
