import {
  ACCESS_METADATA,
  ForbiddenError,
  requestState,
  roleAtLeast,
  RouteAccess,
  UnauthenticatedError,
} from '@botdeck/core';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { User } from '../users/user.entity';
import { AUTH_ERRORS } from '../auth.errors';
import { Authenticator } from './authenticator.service';

export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * The one global guard. Every route must declare `@Public()` or `@Roles(minimum)`; anything
 * undeclared is refused. Signed-in routes are checked by the `Authenticator`, which reads the
 * user and the login as they are now, not as the token remembers them.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Socket.io gateways authenticate their connections themselves (handleConnection).
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const state = requestState(request);
    state.route = {
      handler: context.getHandler() as (...args: unknown[]) => unknown,
      controller: context.getClass(),
    };

    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) {
      throw new ForbiddenError(
        'This route declares no access rule, so it is closed',
        AUTH_ERRORS.ROUTE_ACCESS_UNDECLARED,
      );
    }
    if (access.public) {
      if (access.identifyCaller) await this.identifyOptionally(request);
      return true;
    }

    const user = await this.authenticate(request);
    state.actor = { id: user.id, email: user.email, role: user.role };
    if (!roleAtLeast(user.role, access.minimumRole)) {
      throw new ForbiddenError(
        `This needs the ${access.minimumRole} role or above; you are ${user.role}`,
        AUTH_ERRORS.ROLE_TOO_LOW,
      );
    }
    return true;
  }

  /** The signed-in user behind the request's bearer token, or a 401 saying why not. */
  private async authenticate(request: FastifyRequest): Promise<User> {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new UnauthenticatedError(
        'Send an access token: Authorization: Bearer <token>',
        AUTH_ERRORS.TOKEN_MISSING,
      );
    }
    const { user } = await this.authenticator.authenticate(token);
    return user;
  }

  /** On a public route: remember who is calling when they say so, else stay anonymous. */
  private async identifyOptionally(request: FastifyRequest): Promise<void> {
    if (!bearerToken(request.headers.authorization)) return;
    try {
      const user = await this.authenticate(request);
      requestState(request).actor = { id: user.id, email: user.email, role: user.role };
    } catch {
      // A bad token, or a database that cannot say (health must still answer when PostgreSQL
      // is down): either way the caller is served as anonymous.
    }
  }
}
