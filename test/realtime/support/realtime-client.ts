import type { ErrorEnvelope } from '@botdeck/core';
import {
  REALTIME_PATH,
  type RealtimeClientEvents,
  type RealtimeServerEvents,
  type SubscribeAck,
} from '@botdeck/realtime';
import { io, type Socket } from 'socket.io-client';
import { until } from '../../support/eventually';

export type ClientSocket = Socket<RealtimeServerEvents, RealtimeClientEvents>;

export interface Received {
  event: string;
  payload: unknown;
}

/** A real socket.io client on `/realtime` that keeps everything it receives, in order. */
export interface RealtimeClient {
  socket: ClientSocket;
  received: Received[];
  /** `subscribe` with its acknowledgement. */
  subscribe(topics: string[]): Promise<SubscribeAck>;
  /** Emits anything (for hostile payloads) and resolves with the acknowledgement. */
  send(event: string, ...args: unknown[]): Promise<unknown>;
  /** Events of one name received so far. */
  events<T = unknown>(event: string): T[];
  /** Waits until an event of this name matching `accept` has been received, and returns it. */
  waitFor<T = unknown>(
    event: string,
    accept?: (payload: T) => boolean,
    timeoutMs?: number,
  ): Promise<T>;
  /** Resolves with why the server disconnected it (and what it said before). */
  disconnected: Promise<{ reason: string; closing: { code: string; message: string } | null }>;
  close(): void;
}

function options(token: unknown) {
  return {
    path: REALTIME_PATH,
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  };
}

/** Connects with `token`; rejects with the `connect_error` if the server refuses. */
export function connect(url: string, token: unknown): Promise<RealtimeClient> {
  const socket = io(url, options(token)) as ClientSocket;
  const received: Received[] = [];
  type Closing = { code: string; message: string } | null;
  let closing: Closing = null as Closing;
  socket.onAny((event: string, payload: unknown) => {
    received.push({ event, payload });
    if (event === 'session.closing') closing = payload as { code: string; message: string };
  });
  const disconnected = new Promise<{ reason: string; closing: Closing }>((resolve) =>
    socket.on('disconnect', (reason) => resolve({ reason, closing })),
  );
  const client: RealtimeClient = {
    socket,
    received,
    subscribe: (topics) =>
      socket.timeout(10_000).emitWithAck('subscribe', { topics }) as Promise<SubscribeAck>,
    send: (event, ...args) =>
      (
        socket.timeout(10_000) as unknown as { emitWithAck(...a: unknown[]): Promise<unknown> }
      ).emitWithAck(event, ...args),
    events: <T>(event: string) =>
      received.filter((entry) => entry.event === event).map((entry) => entry.payload as T),
    waitFor: <T>(event: string, accept: (payload: T) => boolean = () => true, timeoutMs = 15_000) =>
      until(
        `"${event}" on the socket`,
        () => client.events<T>(event).find(accept),
        (found) => found !== undefined,
        { timeoutMs, intervalMs: 20 },
      ) as Promise<T>,
    disconnected,
    close: () => {
      socket.close();
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The envelope of a refused handshake (`connect_error`'s data). */
export async function refusal(url: string, token: unknown): Promise<ErrorEnvelope> {
  try {
    const client = await connect(url, token);
    client.close();
  } catch (error) {
    return (error as { data: ErrorEnvelope }).data;
  }
  throw new Error('The handshake was accepted');
}
