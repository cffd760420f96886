import type { Role } from '../api/types';

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** Whether a user with `role` may do what needs `needed` (the API's own rule: higher includes lower). */
export function can(role: Role | null | undefined, needed: Role): boolean {
  return role != null && RANK[role] >= RANK[needed];
}
