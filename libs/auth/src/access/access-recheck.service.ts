import type { Role } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AUTH_ERRORS } from '../auth.errors';

/** One signed-in connection to check: the user and the login (refresh-token family) it came from. */
export interface AccessPair {
  userId: string;
  loginId: string;
}

/** What a pair may still do: its user's role now, or why it may do nothing any more. */
export type AccessVerdict =
  | { allowed: true; role: Role }
  | {
      allowed: false;
      code:
        | typeof AUTH_ERRORS.USER_NOT_FOUND
        | typeof AUTH_ERRORS.USER_DISABLED
        | typeof AUTH_ERRORS.SESSION_REVOKED;
    };

/** Pairs per statement: keeps the arrays a few hundred kilobytes at most. */
const CHUNK = 5_000;

export function accessPairKey(pair: AccessPair): string {
  return `${pair.userId}:${pair.loginId}`;
}

/**
 * Re-checks many long-lived connections at once (the realtime gateway's sockets), with the
 * same rules as `Authenticator` but one statement for all of them instead of two queries each:
 * the user must exist and be enabled, and the login must still be open.
 */
@Injectable()
export class AccessRecheck {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A verdict per distinct pair, keyed by `accessPairKey`. Throws when PostgreSQL cannot say. */
  async check(pairs: readonly AccessPair[]): Promise<Map<string, AccessVerdict>> {
    const distinct = new Map<string, AccessPair>();
    for (const pair of pairs) {
      // Ids come from verified tokens; anything else is refused rather than sent to a query.
      if (isUUID(pair.userId) && isUUID(pair.loginId)) distinct.set(accessPairKey(pair), pair);
    }
    const verdicts = new Map<string, AccessVerdict>();
    for (const pair of pairs) {
      if (!distinct.has(accessPairKey(pair))) {
        verdicts.set(accessPairKey(pair), { allowed: false, code: AUTH_ERRORS.USER_NOT_FOUND });
      }
    }
    const all = [...distinct.values()];
    for (let start = 0; start < all.length; start += CHUNK) {
      const chunk = all.slice(start, start + CHUNK);
      const rows = await this.dataSource.query<
        Array<{
          user_id: string;
          login_id: string;
          role: Role | null;
          disabled: boolean | null;
          live: boolean;
        }>
      >(
        `SELECT p.user_id, p.login_id, u.role, u.disabled,
                EXISTS (SELECT 1 FROM refresh_tokens t
                         WHERE t.family_id = p.login_id AND t.revoked_at IS NULL) AS live
           FROM unnest($1::uuid[], $2::uuid[]) AS p(user_id, login_id)
           LEFT JOIN users u ON u.id = p.user_id`,
        [chunk.map((pair) => pair.userId), chunk.map((pair) => pair.loginId)],
      );
      for (const row of rows) {
        verdicts.set(accessPairKey({ userId: row.user_id, loginId: row.login_id }), verdict(row));
      }
    }
    return verdicts;
  }
}

function verdict(row: {
  role: Role | null;
  disabled: boolean | null;
  live: boolean;
}): AccessVerdict {
  if (row.role === null) return { allowed: false, code: AUTH_ERRORS.USER_NOT_FOUND };
  if (row.disabled) return { allowed: false, code: AUTH_ERRORS.USER_DISABLED };
  if (!row.live) return { allowed: false, code: AUTH_ERRORS.SESSION_REVOKED };
  return { allowed: true, role: row.role };
}
