/**
 * 2 000 socket.io clients subscribed to `bots`, 100 `bot.status` events per second for 20 s
 * through Botdeck's whole path: published on the EventBus (Redis pub/sub), heard by the API,
 * forwarded by the realtime gateway to the `bots` room. In the same run, a bare socket.io
 * server broadcasts the same payloads to the same number of clients. Prints the delivery
 * latency (p50, p99) of both, their ratio, and the server's memory per connection.
 *
 * The API and the bare server run in this process (so their memory is measured here, after a
 * forced GC); each server's clients run in a child process of their own
 * (bench/realtime-clients.ts). The two take turns in short slices, so that the load of the
 * machine weighs on both alike. The database and Redis prefix are throwaway ones.
 * BENCH_CLIENTS, BENCH_RATE and BENCH_SECONDS change the load.
 *
 * Run: npm run bench:realtime
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BotStatusEvent } from '@botdeck/bot-config';
import { EventBus } from '@botdeck/core';
import { Server } from 'socket.io';
import { createApiApp } from '../apps/api/src/bootstrap';
import { BENCH_TOKEN_KEYS } from './support/bots';
import { runBench, throwawayStores } from './support/throwaway';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2_000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = 2;
/** The two sides take turns in slices this long, so a load change on the machine hits both. */
const SLICE_SECONDS = 2.5;
const ADMIN = { email: 'bench@botdeck.local', password: 'bench-password-0123456789' };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Report {
  received: number;
  connected: number;
  p50: number;
  p99: number;
  max: number;
}

/** Heap in use plus memory held outside it (buffers), after a full collection. */
function memory(): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

function startClients(args: string[]): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'realtime-clients.ts'), args, {
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      message === 'ready'
        ? resolve(child)
        : reject(new Error(`clients said ${JSON.stringify(message)}`)),
    );
    child.once('exit', (code) => reject(new Error(`clients exited with ${code}`)));
  });
}

function ask(child: ChildProcess): Promise<Report> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as Report));
    child.send('report');
  });
}

async function closeClients(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('close');
  await exited;
}

/**
 * Sends `RATE` payloads a second, paced on the clock, for `seconds`: exactly RATE × seconds of
 * them, even when a starved event loop makes them go in bursts. Answers how many.
 */
async function drive(seconds: number, send: (payload: BotStatusEvent) => void): Promise<number> {
  const total = Math.round(seconds * RATE);
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1_000) * RATE));
    for (; sent < due; sent += 1) {
      send({
        botId: '00000000-0000-4000-8000-000000000001',
        name: 'bench-bot',
        status: sent % 2 === 0 ? 'online' : 'reconnecting',
        reason: `bench:${performance.timeOrigin + performance.now()}`,
        workerId: 'bench-worker',
      });
    }
    await sleep(2);
  }
  return sent;
}

interface Side {
  name: string;
  url: string;
  clientArgs: string[];
  send: (payload: BotStatusEvent) => void;
  clients?: ChildProcess;
  sent: number;
  /** This process's CPU time (µs) during the side's slices, its sends and deliveries. */
  cpuMicros: number;
  perConnection: number;
  report?: Report;
}

/** Botdeck's API in this process, on a throwaway database and Redis prefix. */
async function startBotdeck(): Promise<{ side: Side; close(): Promise<void> }> {
  const stores = await throwawayStores('realtime');
  Object.assign(process.env, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: stores.databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_KEY_PREFIX: stores.prefix,
    BOT_TOKEN_KEYS: BENCH_TOKEN_KEYS,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    REALTIME_MAX_CONNECTIONS_PER_USER: String(CLIENTS + 10),
  });
  const api = await createApiApp();
  await api.listen(0, '127.0.0.1');
  const url = await api.getUrl();
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const bus = api.get(EventBus);
  return {
    side: {
      name: 'botdeck',
      url,
      clientArgs: [url, 'botdeck', String(CLIENTS), accessToken],
      send: (payload) => void bus.publish('bot.status', payload),
      sent: 0,
      cpuMicros: 0,
      perConnection: 0,
    },
    close: async () => {
      await api.close();
      await stores.drop();
    },
  };
}

/** A bare socket.io server in this process, broadcasting to every client. */
async function startBare(): Promise<{ side: Side; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    side: {
      name: 'bare',
      url,
      clientArgs: [url, 'bare', String(CLIENTS)],
      send: (payload) => void io.emit('bot.status', payload),
      sent: 0,
      cpuMicros: 0,
      perConnection: 0,
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

/** Connects a side's clients, measuring what the connections add to this process's heap. */
async function connectClients(side: Side): Promise<void> {
  const before = memory();
  side.clients = await startClients(side.clientArgs);
  await sleep(1_000);
  side.perConnection = (memory() - before) / CLIENTS;
}

function line(side: Side): string {
  const report = side.report!;
  return (
    `  ${side.name.padEnd(8)} p50 ${report.p50.toFixed(2)} ms · p99 ${report.p99.toFixed(2)} ms · ` +
    `max ${report.max.toFixed(1)} ms · delivered ${report.received}/${side.sent * CLIENTS} · ` +
    `connected ${report.connected}/${CLIENTS} · ` +
    `server CPU ${(side.cpuMicros / 1_000 / side.sent).toFixed(2)} ms per event · ` +
    `${(side.perConnection / 1024).toFixed(1)} KiB per connection`
  );
}

async function main(): Promise<void> {
  const botdeck = await startBotdeck();
  const bare = await startBare();
  const sides = [botdeck.side, bare.side];
  try {
    for (const side of sides) await connectClients(side);
    for (const side of sides) await drive(WARM_UP_SECONDS, side.send);
    await sleep(1_000);
    for (const side of sides) side.clients!.send('reset');
    for (let slice = 0; slice < SECONDS / SLICE_SECONDS; slice++) {
      for (const side of sides) {
        const cpu = process.cpuUsage();
        side.sent += await drive(SLICE_SECONDS, side.send);
        await sleep(300);
        const used = process.cpuUsage(cpu);
        side.cpuMicros += used.user + used.system;
      }
    }
    await sleep(2_000);
    for (const side of sides) side.report = await ask(side.clients!);
  } finally {
    for (const side of sides) if (side.clients) await closeClients(side.clients);
    await bare.close();
    await botdeck.close();
  }
  console.log(
    `realtime: ${CLIENTS} socket.io clients per server (each set in its own process), ` +
      `${RATE} bot.status events/s for ${SECONDS} s, in alternating ${SLICE_SECONDS} s slices`,
  );
  console.log(line(botdeck.side) + '  (EventBus → Redis → API gateway → `bots` room)');
  console.log(line(bare.side) + '  (io.emit in the same process)');
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `  ratio botdeck ÷ bare: p50 ${ratio(botdeck.side.report!.p50, bare.side.report!.p50)}× · ` +
      `p99 ${ratio(botdeck.side.report!.p99, bare.side.report!.p99)}× (target ≤ 1.3×)`,
  );
}

runBench(main);
