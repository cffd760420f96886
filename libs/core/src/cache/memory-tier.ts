interface Slot {
  value: unknown;
  expiresAt: number;
  weight: number;
}

/**
 * A process's small, least-recently-used tier in front of Redis: at most `capacity` entries,
 * and, when entries are weighed (`set`'s `weight`, e.g. bytes), at most `maxWeight` in all.
 */
export class MemoryTier {
  private readonly entries = new Map<string, Slot>();
  private weight = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxWeight = Infinity,
  ) {}

  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= Date.now()) {
      this.weight -= entry.weight;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: unknown, ttlMs: number, weight = 0): void {
    if (this.capacity === 0 || weight > this.maxWeight) return;
    this.delete(key);
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs, weight });
    this.weight += weight;
    while (this.entries.size > this.capacity || this.weight > this.maxWeight) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  /** Drops every entry whose key starts with one of `prefixes`. */
  dropPrefixed(prefixes: readonly string[]): void {
    for (const key of [...this.entries.keys()]) {
      if (prefixes.some((prefix) => key.startsWith(prefix))) this.delete(key);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }
}
