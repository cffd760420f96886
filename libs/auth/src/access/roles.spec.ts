import { roleAtLeast, ROLES } from '@botdeck/core';

describe('role ordering: admin > operator > viewer', () => {
  it.each([
    ['viewer', 'viewer', true],
    ['viewer', 'operator', false],
    ['viewer', 'admin', false],
    ['operator', 'viewer', true],
    ['operator', 'operator', true],
    ['operator', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'operator', true],
    ['admin', 'admin', true],
  ] as const)('%s meets a %s minimum: %p', (role, minimum, expected) => {
    expect(roleAtLeast(role, minimum)).toBe(expected);
  });

  it('never lets an unknown role through', () => {
    for (const minimum of ROLES) {
      expect(roleAtLeast('root', minimum)).toBe(false);
      expect(roleAtLeast('', minimum)).toBe(false);
      expect(roleAtLeast('ADMIN', minimum)).toBe(false);
    }
  });
});
