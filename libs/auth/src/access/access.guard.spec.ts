import {
  ACCESS_METADATA,
  AppError,
  requestState,
  RouteAccess,
  UnauthenticatedError,
  type UnitOfWork,
} from '@botdeck/core';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AuthConfig } from '../auth.config';
import type { AccessClaims, AccessTokensService } from '../sessions/access-tokens.service';
import type { SessionsService } from '../sessions/sessions.service';
import type { User } from '../users/user.entity';
import type { UsersService } from '../users/users.service';
import { AccessInvalidations } from './access-invalidations';
import { AccessGuard, bearerToken } from './access.guard';
import { Authenticator } from './authenticator.service';

class Controller {}
function handler(): void {}

const USER_ID = '6f1d0b1e-8d7a-4b7e-9d59-3f3c2d1f0a11';

function fakeReflector(access: RouteAccess | undefined): Reflector {
  return {
    getAllAndOverride: (key: string, targets: unknown[]) => {
      expect(key).toBe(ACCESS_METADATA);
      expect(targets).toEqual([handler, Controller]);
      return access;
    },
  } as unknown as Reflector;
}

function fakeTokens(result: AccessClaims | AppError): AccessTokensService {
  return {
    // Never seen before: every token goes through the full check.
    remembered: () => undefined,
    verify: (token: string) => {
      expect(token).toBe('the.jwt.token');
      return result instanceof AppError ? Promise.reject(result) : Promise.resolve(result);
    },
  } as unknown as AccessTokensService;
}

function fakeUsers(user: Partial<User> | null): UsersService {
  return { findById: () => Promise.resolve(user) } as unknown as UsersService;
}

function fakeSessions(live: boolean): SessionsService {
  return {
    isLive: (familyId: string) => {
      expect(familyId).toBe(claims.sid);
      return Promise.resolve(live);
    },
  } as unknown as SessionsService;
}

function contextFor(request: FastifyRequest, type = 'http'): ExecutionContext {
  return {
    getType: () => type,
    getHandler: () => handler,
    getClass: () => Controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function requestWith(authorization?: string): FastifyRequest {
  return { headers: authorization ? { authorization } : {} } as FastifyRequest;
}

const uncached = { accessCacheTtlMs: 0 } as AuthConfig;
const noInvalidations = () => new AccessInvalidations({} as UnitOfWork);

const claims: AccessClaims = { sub: USER_ID, email: 'a@b.co', role: 'admin', sid: 'family' };
const dbUser = { id: USER_ID, email: 'a@b.co', role: 'operator', disabled: false } as User;

async function decide(options: {
  access: RouteAccess | undefined;
  authorization?: string;
  tokens?: AccessClaims | AppError;
  user?: Partial<User> | null;
  live?: boolean;
}): Promise<{ outcome: true | AppError; request: FastifyRequest }> {
  const guard = new AccessGuard(
    fakeReflector(options.access),
    new Authenticator(
      fakeTokens(options.tokens ?? claims),
      fakeUsers(options.user === undefined ? dbUser : options.user),
      fakeSessions(options.live ?? true),
      noInvalidations(),
      uncached,
    ),
  );
  const request = requestWith(options.authorization);
  try {
    return { outcome: (await guard.canActivate(contextFor(request))) as true, request };
  } catch (error) {
    if (error instanceof AppError) return { outcome: error, request };
    throw error;
  }
}

function codeOf(outcome: true | AppError): string | true {
  return outcome === true ? true : `${outcome.statusCode} ${outcome.code}`;
}

describe('AccessGuard', () => {
  it('records the route for every request, even one it refuses', async () => {
    const { outcome, request } = await decide({ access: undefined });
    expect(codeOf(outcome)).toBe('403 ROUTE_ACCESS_UNDECLARED');
    expect(requestState(request).route).toEqual({ handler, controller: Controller });
  });

  it('lets anyone through a public route without looking for a token', async () => {
    const { outcome, request } = await decide({
      access: { public: true },
      tokens: new UnauthenticatedError('never asked', 'TOKEN_INVALID'),
    });
    expect(outcome).toBe(true);
    expect(requestState(request).actor).toBeUndefined();
  });

  it('asks for a bearer token on a role route', async () => {
    const access = { public: false, minimumRole: 'viewer' } as const;
    expect(codeOf((await decide({ access })).outcome)).toBe('401 TOKEN_MISSING');
    expect(codeOf((await decide({ access, authorization: 'Basic abc' })).outcome)).toBe(
      '401 TOKEN_MISSING',
    );
  });

  it('passes on what the token check found wrong', async () => {
    const { outcome } = await decide({
      access: { public: false, minimumRole: 'viewer' },
      authorization: 'Bearer the.jwt.token',
      tokens: new UnauthenticatedError('expired', 'TOKEN_EXPIRED'),
    });
    expect(codeOf(outcome)).toBe('401 TOKEN_EXPIRED');
  });

  it('refuses a disabled or deleted user although the token is valid', async () => {
    const access = { public: false, minimumRole: 'viewer' } as const;
    const authorization = 'Bearer the.jwt.token';
    const disabled = await decide({ access, authorization, user: { ...dbUser, disabled: true } });
    expect(codeOf(disabled.outcome)).toBe('401 USER_DISABLED');
    expect(requestState(disabled.request).actor).toBeUndefined();
    const deleted = await decide({ access, authorization, user: null });
    expect(codeOf(deleted.outcome)).toBe('401 USER_NOT_FOUND');
  });

  it('refuses a token whose login was signed out or revoked', async () => {
    const { outcome, request } = await decide({
      access: { public: false, minimumRole: 'viewer' },
      authorization: 'Bearer the.jwt.token',
      live: false,
    });
    expect(codeOf(outcome)).toBe('401 SESSION_REVOKED');
    expect(requestState(request).actor).toBeUndefined();
  });

  it('judges the role stored in the database, not the one in the token', async () => {
    const authorization = 'Bearer the.jwt.token';
    // The token claims admin; the database says operator.
    const admin = await decide({ access: { public: false, minimumRole: 'admin' }, authorization });
    expect(codeOf(admin.outcome)).toBe('403 ROLE_TOO_LOW');
    // The actor is known even when the role is too low (the audit trail records who tried).
    expect(requestState(admin.request).actor).toEqual({
      id: USER_ID,
      email: 'a@b.co',
      role: 'operator',
    });

    const operator = await decide({
      access: { public: false, minimumRole: 'operator' },
      authorization,
    });
    expect(operator.outcome).toBe(true);
    expect(requestState(operator.request).actor?.role).toBe('operator');
  });

  it('leaves non-HTTP contexts to their own authentication', async () => {
    const guard = new AccessGuard(
      fakeReflector(undefined),
      new Authenticator(
        fakeTokens(claims),
        fakeUsers(null),
        fakeSessions(false),
        noInvalidations(),
        uncached,
      ),
    );
    await expect(guard.canActivate(contextFor(requestWith(), 'ws'))).resolves.toBe(true);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Bearer   abc  ', 'abc'],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    ['Token abc', undefined],
    [undefined, undefined],
  ])('%p → %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
