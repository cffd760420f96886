import type { Role, TokenPair, User } from '../api/types';

/** What signing in, refreshing and signing out need from the API (the real one, or a test's). */
export interface SessionTransport {
  login(email: string, password: string): Promise<TokenPair>;
  refresh(refreshToken: string): Promise<TokenPair>;
  logout(refreshToken: string): Promise<void>;
}

export interface SessionState {
  user: User | null;
  accessToken: string | null;
  /** Restoring a stored sign-in at start-up: the page waits rather than showing the form. */
  restoring: boolean;
}

type Listener = (state: SessionState) => void;

const STORAGE_KEY = 'botdeck.refreshToken';
/** Refresh this long before the access token expires, so requests never carry a stale one. */
const REFRESH_MARGIN = 0.8;

/**
 * The signed-in user and their tokens. The refresh token is rotated on every use (the API
 * issues a new one and revokes the old), so it is kept in one place and refreshes are
 * single-flight: two callers at once share one rotation instead of the second one presenting
 * a token that was just revoked.
 */
export class Session {
  private state: SessionState = { user: null, accessToken: null, restoring: false };
  private refreshToken: string | null;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly transport: SessionTransport,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  ) {
    this.refreshToken = storage.getItem(STORAGE_KEY);
  }

  get current(): SessionState {
    return this.state;
  }

  get role(): Role | null {
    return this.state.user?.role ?? null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Signs back in with the stored refresh token, if any; a refused one just signs out. */
  async restore(): Promise<void> {
    if (!this.refreshToken) return;
    this.set({ restoring: true });
    try {
      await this.refresh();
    } catch {
      this.clear();
    } finally {
      this.set({ restoring: false });
    }
  }

  async login(email: string, password: string): Promise<void> {
    this.accept(await this.transport.login(email, password));
  }

  /** Rotates the refresh token for a fresh access token; concurrent callers share one call. */
  refresh(): Promise<void> {
    this.inFlight ??= this.rotate().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  async logout(): Promise<void> {
    const token = this.refreshToken;
    this.clear();
    if (token) await this.transport.logout(token).catch(() => undefined);
  }

  private async rotate(): Promise<void> {
    const token = this.refreshToken;
    if (!token) throw new Error('Not signed in');
    try {
      this.accept(await this.transport.refresh(token));
    } catch (error) {
      this.clear();
      throw error;
    }
  }

  private accept(pair: TokenPair): void {
    this.refreshToken = pair.refreshToken;
    this.storage.setItem(STORAGE_KEY, pair.refreshToken);
    this.set({ user: pair.user, accessToken: pair.accessToken });
    this.schedule(pair.expiresIn);
  }

  private schedule(expiresInSeconds: number): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(1_000, expiresInSeconds * 1_000 * REFRESH_MARGIN);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), delay);
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.refreshToken = null;
    this.storage.removeItem(STORAGE_KEY);
    this.set({ user: null, accessToken: null });
  }

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
