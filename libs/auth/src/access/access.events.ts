/** A user's role, disabled flag or existence changed: signed-in checks must read them again. */
export interface AuthUserChangedEvent {
  userId: string;
}

/** Logins were revoked: one (`familyId`) or every one of a user (`userId`). */
export interface AuthSessionRevokedEvent {
  familyId: string | null;
  userId: string | null;
}

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'auth.user.changed': AuthUserChangedEvent;
    'auth.session.revoked': AuthSessionRevokedEvent;
  }
}
