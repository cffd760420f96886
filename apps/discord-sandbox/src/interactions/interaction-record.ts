import { SandboxUser } from '../domain/entities';

export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  Modal: 9,
} as const;

/** What the bot answered first, as the control API reports it. */
export interface InitialResponse {
  type: number;
  content: string | null;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  /** The modal (type 9) as sent; absent for other types. */
  modal?: unknown;
  at: string;
  /** From sending INTERACTION_CREATE to receiving this callback, in ms (µs precision). */
  latencyMs: number;
}

/**
 * One interaction a played user started. Its token authorises the callback (first 3 s) and
 * the webhook routes (15 min); every change wakes whoever waits on it.
 */
export class InteractionRecord {
  initial: InitialResponse | null = null;
  originalMessageId: string | null = null;
  readonly followUpIds: string[] = [];
  /** performance.now() when INTERACTION_CREATE went out. */
  dispatchedAt = 0;
  /** Over HTTP: why the endpoint's answer could not be used (unreachable, refused, invalid). */
  deliveryError: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly token: string,
    readonly type: 2 | 3,
    readonly applicationId: string,
    readonly botUserId: string,
    readonly guildId: string,
    readonly channelId: string,
    readonly user: SandboxUser,
    readonly name: string,
    readonly createdAt: number,
    /** For component interactions: the message whose component was used. */
    readonly sourceMessageId: string | null = null,
  ) {}

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves with `read()` once `ready()` holds, or with `read()` anyway after `waitMs`. */
  waitFor<T>(ready: () => boolean, read: () => T, waitMs: number): Promise<T> {
    if (ready() || waitMs <= 0) return Promise.resolve(read());
    return new Promise<T>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(read());
      };
      const check = () => {
        if (ready()) finish();
      };
      const timer = setTimeout(finish, waitMs);
      this.listeners.add(check);
    });
  }
}
