import { shardOf, SnowflakeGenerator, snowflakeTimestamp } from './snowflake';

describe('SnowflakeGenerator', () => {
  it('mints unique, increasing, 19-digit ids that carry their timestamp', () => {
    const generator = new SnowflakeGenerator();
    const now = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 5000 }, () => generator.next(now));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(BigInt(ids[i]) > BigInt(ids[i - 1])).toBe(true);
    expect(ids[0]).toMatch(/^\d{19}$/);
    expect(Math.abs(snowflakeTimestamp(ids[0]) - now)).toBeLessThanOrEqual(1);
  });

  it('routes a guild to a shard with (id >> 22) % count', () => {
    // Discord's documented example: this guild lives on shard 0 of 1 and its timestamp is known.
    const id = '175928847299117063';
    expect(snowflakeTimestamp(id)).toBe(1462015105796);
    expect(shardOf(id, 1)).toBe(0);
    expect(shardOf(id, 2)).toBe(Number((BigInt(id) >> 22n) % 2n));
  });
});
