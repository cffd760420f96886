import { isMutating, resolveAuditSpec } from './audit-action';

describe('resolveAuditSpec', () => {
  it('keeps a declared spec as it is', () => {
    const declared = { action: 'user.update_role', resource: 'user', idParam: 'id' };
    expect(resolveAuditSpec(declared, 'UsersController', 'updateRole')).toBe(declared);
  });

  it.each([
    ['UsersController', 'create', 'users.create', 'users'],
    ['UsersController', 'updateRole', 'users.update_role', 'users'],
    ['BotConfigsController', 'rotateToken', 'bot_configs.rotate_token', 'bot_configs'],
    ['HTTPHooksController', 'remove', 'http_hooks.remove', 'http_hooks'],
    ['Stock', 'adjust', 'stock.adjust', 'stock'],
  ])('derives %s.%s as %s', (controller, handler, action, resource) => {
    expect(resolveAuditSpec(undefined, controller, handler)).toEqual({ action, resource });
  });

  it('never derives an empty name', () => {
    expect(resolveAuditSpec(undefined, 'Controller', '')).toEqual({
      action: 'unknown.unknown',
      resource: 'unknown',
    });
  });
});

describe('isMutating', () => {
  it('treats POST, PUT, PATCH and DELETE as mutating, whatever the case', () => {
    expect(['POST', 'put', 'PATCH', 'delete'].every(isMutating)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isMutating)).toBe(false);
  });
});
