import type { AuditSpec } from '@botdeck/core';

export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutating(method: string): boolean {
  return MUTATING_METHODS.has(method.toUpperCase());
}

function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/**
 * The audit spec of a route: its `@Audited` metadata, or for a route without one an action
 * derived from the controller and handler names (`UsersController.create` → `users.create`,
 * `BotConfigsController.rotateToken` → `bot_configs.rotate_token`).
 */
export function resolveAuditSpec(
  declared: AuditSpec | undefined,
  controllerName: string,
  handlerName: string,
): AuditSpec {
  if (declared) return declared;
  const resource = snakeCase(controllerName.replace(/Controller$/, '')) || 'unknown';
  const verb = snakeCase(handlerName) || 'unknown';
  return { action: `${resource}.${verb}`, resource };
}
