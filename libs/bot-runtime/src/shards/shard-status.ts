import type { BotStatus } from '@botdeck/bot-config';

export interface ShardReport {
  shardId: number;
  status: BotStatus;
  statusReason: string | null;
}

/**
 * A sharded bot's status from its shards' (missing ones count as stopped): `online` only when
 * every shard is; `error` when any shard gave up; `stopped` when all are; `reconnecting` when
 * one lost its connection; otherwise `starting`, with how many shards are online so far.
 */
export function aggregateShards(
  count: number,
  reports: readonly ShardReport[],
): { status: BotStatus; reason: string | null } {
  const byId = new Map(reports.map((report) => [report.shardId, report]));
  const shards = Array.from(
    { length: count },
    (_, shardId): ShardReport =>
      byId.get(shardId) ?? { shardId, status: 'stopped', statusReason: null },
  );
  const first = (status: BotStatus) => shards.find((shard) => shard.status === status);
  const errored = first('error');
  if (errored) {
    return {
      status: 'error',
      reason: `shard ${errored.shardId}: ${errored.statusReason ?? 'error'}`,
    };
  }
  const online = shards.filter((shard) => shard.status === 'online').length;
  if (online === count) return { status: 'online', reason: null };
  if (shards.every((shard) => shard.status === 'stopped')) {
    return { status: 'stopped', reason: shards[0].statusReason };
  }
  const reconnecting = first('reconnecting');
  if (reconnecting && !first('starting')) {
    return {
      status: 'reconnecting',
      reason: `shard ${reconnecting.shardId}: ${reconnecting.statusReason ?? 'reconnecting'}`,
    };
  }
  return { status: 'starting', reason: `${online}/${count} shards online` };
}
