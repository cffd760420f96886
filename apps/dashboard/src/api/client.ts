import createClient from 'openapi-fetch';
import { Session } from '../auth/session';
import { ApiError } from './api-error';
import type { paths } from './openapi';
import type { TokenPair } from './types';

/** The typed API client: paths, parameters and bodies checked against the OpenAPI document. */
export const client = createClient<paths>({ baseUrl: '' });

/** Turns a call's result into its data, or throws the envelope as an ApiError. */
async function unwrap<T>(
  result: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let settled;
  try {
    settled = await result;
  } catch {
    throw ApiError.from(0, undefined);
  }
  if (!settled.response.ok) throw ApiError.from(settled.response.status, settled.error);
  return settled.data as T;
}

export const session = new Session(
  {
    login: (email, password) =>
      unwrap<TokenPair>(client.POST('/api/v1/auth/login', { body: { email, password } })),
    refresh: (refreshToken) =>
      unwrap<TokenPair>(client.POST('/api/v1/auth/refresh', { body: { refreshToken } })),
    logout: async (refreshToken) => {
      await unwrap(client.POST('/api/v1/auth/logout', { body: { refreshToken } }));
    },
  },
  window.localStorage,
);

client.use({
  onRequest({ request }) {
    const token = session.current.accessToken;
    if (token && !request.headers.has('authorization')) {
      request.headers.set('authorization', `Bearer ${token}`);
    }
    return request;
  },
});

/**
 * Runs an authenticated call; an access token that expired in between is refreshed once and
 * the call repeated, so a laptop waking from sleep does not greet its user with an error.
 */
export async function api<T>(
  call: (c: typeof client) => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  try {
    return await unwrap(call(client));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && error.code === 'TOKEN_EXPIRED') {
      await session.refresh();
      return unwrap(call(client));
    }
    throw error;
  }
}
