import { gatewayPingOf, type PingSource } from './gateway-ping';

const client = (pings: number[]): PingSource => {
  const shards = pings.map((ping, id) => ({ id, ping }));
  const sum = pings.reduce((a, b) => a + b, 0);
  // What discord.js reports: the plain average, unmeasured shards counted as -1.
  return { ws: { ping: sum / pings.length, shards: new Map(shards.map((s) => [s.id, s])) } };
};

describe('gatewayPingOf', () => {
  it('is null until a heartbeat has been acknowledged', () => {
    expect(gatewayPingOf(client([-1]))).toBeNull();
  });

  it('shows the shard that delivered the interaction, in whole ms', () => {
    expect(gatewayPingOf(client([12.4]), 0)).toBe(12);
    expect(gatewayPingOf(client([40, 8]), 1)).toBe(8);
  });

  it('ignores unmeasured shards instead of averaging their -1 in', () => {
    // discord.js would say 19.5 here.
    expect(gatewayPingOf(client([-1, 40]), 0)).toBe(40);
  });
});
