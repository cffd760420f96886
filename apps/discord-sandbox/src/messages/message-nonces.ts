/**
 * Discord's `enforce_nonce`: a nonce is unique per author and channel "in the past few
 * minutes"; a second create with the same one returns the first message instead of posting.
 * Entries are kept in insertion order, so expiry only ever trims the front of the map.
 */
export class MessageNonces {
  private readonly entries = new Map<string, { messageId: string; at: number }>();

  constructor(
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The message already created with this nonce inside the window, if any. */
  find(channelId: string, authorId: string, nonce: string | number): string | undefined {
    this.expire();
    return this.entries.get(key(channelId, authorId, nonce))?.messageId;
  }

  remember(channelId: string, authorId: string, nonce: string | number, messageId: string): void {
    const entryKey = key(channelId, authorId, nonce);
    this.entries.delete(entryKey);
    this.entries.set(entryKey, { messageId, at: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }

  private expire(): void {
    const oldest = this.now() - this.windowMs;
    for (const [entryKey, entry] of this.entries) {
      if (entry.at > oldest) return;
      this.entries.delete(entryKey);
    }
  }
}

/** Discord compares nonces as sent; 42 and "42" are the same nonce on the wire. */
function key(channelId: string, authorId: string, nonce: string | number): string {
  return `${channelId}:${authorId}:${String(nonce)}`;
}
