import { EventBus, UnitOfWork } from '@botdeck/core';
import { Injectable, Optional } from '@nestjs/common';
import type { AuthSessionRevokedEvent } from './access.events';

type Listener = (change: { userId?: string; familyId?: string | null }) => void;

/**
 * Tells every access check that a user or a login changed: this process's at once (and again
 * once the change commits, so a check that read the old rows meanwhile is not kept), the other
 * instances through the bus. The bus is at-most-once; the access cache's TTL bounds a lost one.
 */
@Injectable()
export class AccessInvalidations {
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly uow: UnitOfWork,
    // Absent in the CLI, which creates users but checks no access.
    @Optional() private readonly events?: EventBus,
  ) {}

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For a change inside the unit of work: announced once it commits. */
  userChanged(userId: string): void {
    this.local({ userId });
    this.uow.afterCommit(() => {
      this.local({ userId });
      return this.events?.publish('auth.user.changed', { userId });
    });
  }

  sessionsRevoked(change: AuthSessionRevokedEvent): void {
    this.local(this.asChange(change));
    this.uow.afterCommit(() => {
      this.local(this.asChange(change));
      return this.events?.publish('auth.session.revoked', change);
    });
  }

  /** For a revocation already committed on its own, whatever becomes of the request. */
  async sessionsRevokedNow(change: AuthSessionRevokedEvent): Promise<void> {
    this.local(this.asChange(change));
    await this.events?.publish('auth.session.revoked', change);
  }

  /** What another instance announced. */
  heard(change: { userId?: string | null; familyId?: string | null }): void {
    this.local({ userId: change.userId ?? undefined, familyId: change.familyId });
  }

  private asChange(change: AuthSessionRevokedEvent) {
    return { userId: change.userId ?? undefined, familyId: change.familyId };
  }

  private local(change: { userId?: string; familyId?: string | null }): void {
    for (const listener of this.listeners) listener(change);
  }
}
