import type { User } from '../users/user.entity';

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * The access checks' memory: users and open logins, per process, for at most `ttlMs` (≤ 1 s)
 * counted from when the database was asked, so a change is seen within that bound even when
 * its invalidation is lost on the bus. Any invalidation moves the generation, and a lookup
 * that began before it stores nothing: a read racing a revocation cannot keep the old answer.
 */
export class AccessCache {
  private readonly users = new Map<string, Entry<User>>();
  private readonly liveSessions = new Map<string, Entry<string>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The user and whether the login is open, when both are remembered; else undefined. */
  known(userId: string, familyId: string): User | undefined {
    const user = this.fresh(this.users, userId);
    return user && this.fresh(this.liveSessions, familyId) ? user : undefined;
  }

  async user(id: string, load: () => Promise<User | null>): Promise<User | null> {
    const cached = this.fresh(this.users, id);
    if (cached) return cached;
    const { generation, askedAt } = this.begin();
    const user = await load();
    if (user && this.mayStore(generation)) {
      this.put(this.users, id, { value: user, expiresAt: askedAt + this.ttlMs });
    }
    return user;
  }

  /** Whether login `familyId` of `userId` is open; only open logins are remembered. */
  async sessionLive(familyId: string, userId: string, load: () => Promise<boolean>) {
    if (this.fresh(this.liveSessions, familyId)) return true;
    const { generation, askedAt } = this.begin();
    const live = await load();
    if (live && this.mayStore(generation)) {
      this.put(this.liveSessions, familyId, { value: userId, expiresAt: askedAt + this.ttlMs });
    }
    return live;
  }

  forget(change: { userId?: string; familyId?: string | null }): void {
    this.generation += 1;
    if (change.familyId) this.liveSessions.delete(change.familyId);
    if (change.userId) {
      this.users.delete(change.userId);
      for (const [familyId, entry] of this.liveSessions) {
        if (entry.value === change.userId) this.liveSessions.delete(familyId);
      }
    }
  }

  private begin() {
    return { generation: this.generation, askedAt: Date.now() };
  }

  private mayStore(generation: number): boolean {
    return this.ttlMs > 0 && generation === this.generation;
  }

  private fresh<T>(map: Map<string, Entry<T>>, key: string): T | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    map.delete(key);
    return undefined;
  }

  private put<T>(map: Map<string, Entry<T>>, key: string, entry: Entry<T>): void {
    if (map.size >= this.maxEntries) map.clear();
    map.set(key, entry);
  }
}
