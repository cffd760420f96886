import type { AddressInfo } from 'node:net';

const WILDCARDS: Record<string, string> = {
  '0.0.0.0': 'every IPv4 interface',
  '::': 'every interface',
};

/**
 * What the server really bound, for the start-up log: each address as it is (a wildcard says
 * so rather than pretending to be loopback), and one URL a browser on this machine can open.
 */
export function describeListeners(addresses: AddressInfo[]): {
  listening: string[];
  browse: string;
} {
  const url = ({ address, family, port }: AddressInfo) =>
    `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
  const listening = addresses.map((info) => {
    const wildcard = WILDCARDS[info.address];
    return wildcard ? `${url(info)} (${wildcard})` : url(info);
  });
  const first = addresses[0];
  const browse = !first
    ? 'http://localhost'
    : WILDCARDS[first.address]
      ? `http://localhost:${first.port}`
      : url(first);
  return { listening, browse };
}
