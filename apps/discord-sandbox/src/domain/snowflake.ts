/** Discord's epoch (2015-01-01T00:00:00Z): snowflake timestamps count from here. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates snowflakes shaped like Discord's: 42 bits of milliseconds since Discord's epoch,
 * 5 bits worker, 5 bits process, 12 bits increment. Real timestamp bits matter: clients route
 * guilds to shards with `(guild_id >> 22) % shard_count`, and @discordjs/rest recognises major
 * parameters only when ids have 17–19 digits.
 */
export class SnowflakeGenerator {
  private increment = 0n;
  private lastTimestamp = 0n;

  constructor(
    private readonly workerId = 1n,
    private readonly processId = 0n,
  ) {}

  next(now: number = Date.now()): string {
    let timestamp = BigInt(now) - DISCORD_EPOCH;
    // Never go backwards, even if the clock does, so ids stay unique and ordered.
    if (timestamp < this.lastTimestamp) timestamp = this.lastTimestamp;
    if (timestamp === this.lastTimestamp) {
      this.increment = (this.increment + 1n) & 0xfffn;
      if (this.increment === 0n) timestamp += 1n;
    } else {
      this.increment = 0n;
    }
    this.lastTimestamp = timestamp;
    return (
      (timestamp << 22n) |
      ((this.workerId & 0x1fn) << 17n) |
      ((this.processId & 0x1fn) << 12n) |
      this.increment
    ).toString();
  }
}

/** When a snowflake was minted, in ms since the Unix epoch. */
export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** The shard a guild belongs to, exactly as Discord computes it. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,20}$/.test(value);
}
