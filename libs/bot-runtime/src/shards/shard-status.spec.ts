import { aggregateShards } from './shard-status';

const shard = (shardId: number, status: string, statusReason: string | null = null) =>
  ({ shardId, status, statusReason }) as Parameters<typeof aggregateShards>[1][number];

describe('aggregateShards', () => {
  it('is online only when every shard is', () => {
    expect(aggregateShards(2, [shard(0, 'online'), shard(1, 'online')])).toEqual({
      status: 'online',
      reason: null,
    });
    expect(aggregateShards(3, [shard(0, 'online'), shard(1, 'online')])).toEqual({
      status: 'starting',
      reason: '2/3 shards online',
    });
  });

  it('says which shard failed or lost its connection', () => {
    expect(aggregateShards(2, [shard(0, 'online'), shard(1, 'error', 'gave up')])).toEqual({
      status: 'error',
      reason: 'shard 1: gave up',
    });
    expect(aggregateShards(2, [shard(0, 'reconnecting', 'lost'), shard(1, 'online')])).toEqual({
      status: 'reconnecting',
      reason: 'shard 0: lost',
    });
  });

  it('is stopped when all shards are, with the first one’s reason', () => {
    expect(
      aggregateShards(2, [shard(0, 'stopped', 'worker shutdown'), shard(1, 'stopped')]),
    ).toEqual({ status: 'stopped', reason: 'worker shutdown' });
  });
});
