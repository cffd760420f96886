import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrorResponses } from '../api-docs/api-error-responses.decorator';

/** Roles from least to most powerful: each includes everything the ones before it may do. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACCESS_METADATA = 'botdeck:access';

export type RouteAccess =
  { public: true; identifyCaller?: boolean } | { public: false; minimumRole: Role };

export function roleAtLeast(role: string, minimum: Role): boolean {
  const rank = ROLES.indexOf(role as Role);
  return rank >= 0 && rank >= ROLES.indexOf(minimum);
}

/**
 * Anyone may call this route, signed in or not. With `identifyCaller`, a valid bearer token
 * (if sent) still establishes the actor, so the route can show signed-in callers more; a
 * missing or bad token just means anonymous.
 */
export const Public = (options: { identifyCaller?: boolean } = {}) =>
  SetMetadata<string, RouteAccess>(ACCESS_METADATA, { public: true, ...options });

/** Only signed-in users whose role is `minimum` or above may call this route. */
export const Roles = (minimum: Role) =>
  applyDecorators(
    SetMetadata<string, RouteAccess>(ACCESS_METADATA, { public: false, minimumRole: minimum }),
    ApiBearerAuth('bearer'),
    ApiErrorResponses(401, 403),
  );
