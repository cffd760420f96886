/** The part of a discord.js client the gateway ping is read from. */
export interface PingSource {
  readonly ws: {
    readonly ping: number;
    readonly shards: { values(): Iterable<{ readonly id: number; readonly ping: number }> };
  };
}

/**
 * The gateway heartbeat latency to show, in whole ms, or null while no heartbeat has been
 * acknowledged yet. Prefers the shard that delivered the interaction; otherwise the average of
 * the shards that have measured one. discord.js's own `ws.ping` averages every shard, counting
 * a shard that has not measured yet as -1, which makes a number that is no one's ping.
 */
export function gatewayPingOf(client: PingSource, shardId = 0): number | null {
  const shards = [...client.ws.shards.values()];
  const own = shards.find((shard) => shard.id === shardId);
  if (own && own.ping >= 0) return Math.round(own.ping);
  const measured = shards.map((shard) => shard.ping).filter((ping) => ping >= 0);
  if (measured.length > 0) {
    return Math.round(measured.reduce((sum, ping) => sum + ping, 0) / measured.length);
  }
  return shards.length === 0 && client.ws.ping >= 0 ? Math.round(client.ws.ping) : null;
}
