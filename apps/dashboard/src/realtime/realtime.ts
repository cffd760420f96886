import type {
  RealtimeClientEvents,
  RealtimeServerEvents,
  REALTIME_PATH as ServerPath,
} from '@botdeck/realtime';
import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { session } from '../api/client';

/** The gateway's path; typed against the server's constant so the two cannot drift. */
const REALTIME_PATH: typeof ServerPath = '/realtime';

export type RealtimeSocket = Socket<RealtimeServerEvents, RealtimeClientEvents>;
export type ServerEventName = keyof RealtimeServerEvents;
export type ServerHandlers = {
  [K in ServerEventName]?: RealtimeServerEvents[K];
};

let socket: RealtimeSocket | null = null;
/** How many mounted views follow each topic; a topic is unsubscribed when the last one leaves. */
const followers = new Map<string, number>();
const connectionListeners = new Set<(connected: boolean) => void>();

function notifyConnection(connected: boolean): void {
  for (const listener of connectionListeners) listener(connected);
}

function connect(token: string): RealtimeSocket {
  const created: RealtimeSocket = io({
    path: REALTIME_PATH,
    auth: (cb) => cb({ token: session.current.accessToken ?? token }),
    transports: ['websocket'],
  });
  created.on('connect', () => {
    notifyConnection(true);
    // A reconnect starts with no rooms: follow again every topic still on screen.
    const topics = [...followers.keys()];
    if (topics.length > 0) created.emit('subscribe', { topics }, () => undefined);
  });
  created.on('disconnect', () => notifyConnection(false));
  return created;
}

// One socket per signed-in user: opened at sign-in, told of every rotated token, closed at sign-out.
session.subscribe((state) => {
  if (!state.accessToken) {
    socket?.disconnect();
    socket = null;
    notifyConnection(false);
    return;
  }
  if (!socket) {
    socket = connect(state.accessToken);
    return;
  }
  if (socket.connected) socket.emit('auth:refresh', { token: state.accessToken }, () => undefined);
});

function follow(topics: string[]): void {
  const fresh = topics.filter((topic) => !followers.has(topic));
  for (const topic of topics) followers.set(topic, (followers.get(topic) ?? 0) + 1);
  if (fresh.length > 0 && socket?.connected) {
    socket.emit('subscribe', { topics: fresh }, () => undefined);
  }
}

function unfollow(topics: string[]): void {
  const gone: string[] = [];
  for (const topic of topics) {
    const count = (followers.get(topic) ?? 1) - 1;
    if (count <= 0) {
      followers.delete(topic);
      gone.push(topic);
    } else followers.set(topic, count);
  }
  if (gone.length > 0 && socket?.connected) {
    socket.emit('unsubscribe', { topics: gone }, () => undefined);
  }
}

/**
 * Follows topics while the component is mounted and calls the handlers with their typed
 * payloads. Handlers may change on every render; the latest ones are always used.
 */
export function useRealtime(topics: string[], handlers: ServerHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const key = topics.join('\n');
  useEffect(() => {
    const list = key ? key.split('\n') : [];
    const names = Object.keys(latest.current) as ServerEventName[];
    const bound = names.map((name) => {
      const listener = (payload: never) => {
        const handler = latest.current[name] as ((value: never) => void) | undefined;
        handler?.(payload);
      };
      return [name, listener] as const;
    });
    const attach = (target: RealtimeSocket) => {
      for (const [name, listener] of bound) target.on(name, listener as never);
    };
    const detach = (target: RealtimeSocket) => {
      for (const [name, listener] of bound) target.off(name, listener as never);
    };
    let attachedTo: RealtimeSocket | null = socket;
    if (attachedTo) attach(attachedTo);
    // The socket may be created after this view mounted (sign-in restored a moment later).
    const stopWatching = watchConnection(() => {
      if (socket && socket !== attachedTo) {
        if (attachedTo) detach(attachedTo);
        attachedTo = socket;
        attach(socket);
      }
    });
    follow(list);
    return () => {
      stopWatching();
      if (attachedTo) detach(attachedTo);
      unfollow(list);
    };
  }, [key]);
}

function watchConnection(listener: (connected: boolean) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

/** Whether the live connection is up, for the header's indicator. */
export function useConnected(): boolean {
  const [connected, setConnected] = useState(socket?.connected ?? false);
  useEffect(() => watchConnection(setConnected), []);
  return connected;
}
