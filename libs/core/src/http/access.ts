import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrorResponses } from '../api-docs/api-error-responses.decorator';

/** Roles from least to most powerful: each includes everything the ones before it may do. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACCESS_METADATA = 'botdeck:access';

export type RouteAccess = { public: true } | { public: false; minimumRole: Role };

export function roleAtLeast(role: string, minimum: Role): boolean {
  const rank = ROLES.indexOf(role as Role);
  return rank >= 0 && rank >= ROLES.indexOf(minimum);
}

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata<string, RouteAccess>(ACCESS_METADATA, { public: true });

/** Only signed-in users whose role is `minimum` or above may call this route. */
export const Roles = (minimum: Role) =>
  applyDecorators(
    SetMetadata<string, RouteAccess>(ACCESS_METADATA, { public: false, minimumRole: minimum }),
    ApiBearerAuth('bearer'),
    ApiErrorResponses(401, 403),
  );
