/**
 * The client side of bench:realtime, in its own process so that the server's figures are the
 * server's alone: opens N socket.io clients (to Botdeck's `/realtime`, subscribed to `bots`,
 * or to a bare socket.io server) and measures each `bot.status` delivery's latency from the
 * send time the payload carries (`reason: "bench:<epoch ms>"`). Talks to its parent over IPC:
 * "ready" once connected; on "reset" it forgets what it measured (after a warm-up); on
 * "report" it answers the percentiles; on "close" it disconnects and exits.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

const CONNECT_BATCH = 100;

const now = () => performance.timeOrigin + performance.now();

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const [url, mode, countText, token] = process.argv.slice(2);
  const count = Number(countText);
  if (!url || !['botdeck', 'bare'].includes(mode) || !(count > 0) || !process.send) {
    throw new Error('usage: forked with <url> botdeck|bare <clients> [token]');
  }
  let latencies: number[] = [];
  let received = 0;
  const onStatus = (payload: { reason?: string | null }) => {
    if (!payload.reason?.startsWith('bench:')) return;
    latencies.push(now() - Number(payload.reason.slice(6)));
    received += 1;
  };
  const sockets: Socket[] = [];
  const open = async (): Promise<void> => {
    const socket = io(url, {
      path: mode === 'botdeck' ? '/realtime' : '/socket.io',
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 60_000,
    });
    sockets.push(socket);
    socket.on('bot.status', onStatus);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    if (mode === 'botdeck') {
      const ack = (await socket.timeout(60_000).emitWithAck('subscribe', { topics: ['bots'] })) as {
        subscribed: string[];
      };
      if (!ack.subscribed.includes('bots'))
        throw new Error(`not subscribed: ${JSON.stringify(ack)}`);
    }
  };
  for (let i = 0; i < count; i += CONNECT_BATCH) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, open));
  }
  process.on('message', (message) => {
    if (message === 'reset') {
      latencies = [];
      received = 0;
    } else if (message === 'report') {
      const sorted = Float64Array.from(latencies).sort();
      const connected = sockets.filter((socket) => socket.connected).length;
      process.send!({
        received,
        connected,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
      });
    } else if (message === 'close') {
      for (const socket of sockets) socket.close();
      setTimeout(() => process.exit(0), 200);
    }
  });
  process.send('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
