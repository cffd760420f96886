/** One gateway shard of a bot: its id and the count it was started with. */
export interface ShardSlot {
  id: number;
  count: number;
}

/**
 * What a worker leases and runs: a whole bot (unsharded, keyed by its id exactly as before
 * sharding existed), or one shard of a sharded bot (`<botId>:shard:<n>`).
 */
export interface RunUnit {
  key: string;
  botId: string;
  shard: ShardSlot | null;
}

export function unitKey(botId: string, shardId: number | null): string {
  return shardId === null ? botId : `${botId}:shard:${shardId}`;
}

/** The units a bot runs as with `count` shards, in shard order. */
export function unitsOf(botId: string, count: number): RunUnit[] {
  if (count <= 1) return [{ key: botId, botId, shard: null }];
  return Array.from({ length: count }, (_, id) => ({
    key: unitKey(botId, id),
    botId,
    shard: { id, count },
  }));
}
