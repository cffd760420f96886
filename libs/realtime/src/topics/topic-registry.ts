import { type Role, roleAtLeast } from '@botdeck/core';
import { REALTIME_ERRORS } from '../realtime.errors';
import type { RealtimeEventName, RealtimeEvents, TopicSnapshot } from '../realtime.protocol';
import type { SnapshotSources } from './snapshot-sources';

/** Which of an event's topics it belongs to: every one (`true`) or those of the ids returned. */
type Route<K extends RealtimeEventName> = true | ((payload: RealtimeEvents[K]) => string | null);

export interface TopicDefinition {
  /** The least role that may follow the topic. */
  role: Role;
  /** The bus events the topic carries; a topic `name:{id}` routes each by the id it returns. */
  events: { [K in RealtimeEventName]?: Route<K> };
  /** What a new subscriber is sent first, read after it joined so that no change is missed. */
  snapshot?: (sources: SnapshotSources, id: string) => Promise<TopicSnapshot | null>;
}

/**
 * Every topic, by name; `{id}` marks a topic per resource (its id a UUID). Adding a topic is
 * adding an entry: the gateway derives routing, role checks and snapshots from this table.
 */
export const TOPICS = {
  bots: {
    role: 'viewer',
    events: { 'bot.status': true },
    snapshot: (sources) => sources.botsSnapshot(),
  },
  'bot:{id}': {
    role: 'viewer',
    events: { 'bot.status': (e) => e.botId, 'command.logged': (e) => e.botId },
    snapshot: (sources, id) => sources.bot(id),
  },
  commands: { role: 'viewer', events: { 'command.logged': true } },
  operations: { role: 'viewer', events: { 'operation.progress': true } },
  'operation:{id}': {
    role: 'viewer',
    events: { 'operation.progress': (e) => e.operationId },
    snapshot: (sources, id) => sources.operation(id),
  },
  stock: {
    role: 'viewer',
    events: {
      'catalog.stock.changed': true,
      'catalog.products.changed': true,
      'stock-display.changed': true,
      'stock-display.status': true,
    },
  },
  'display:{id}': {
    role: 'viewer',
    events: {
      'stock-display.changed': (e) => e.displayId,
      'stock-display.status': (e) => e.displayId,
    },
  },
  workers: { role: 'viewer', events: { 'monitoring.worker': true } },
  metrics: { role: 'viewer', events: { 'monitoring.snapshot': true } },
  audit: { role: 'admin', events: { 'audit.recorded': true } },
} satisfies Record<string, TopicDefinition>;

export type TopicName = keyof typeof TOPICS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Longest topic string worth reading (a prefix, a colon and a UUID fit easily). */
const MAX_TOPIC_LENGTH = 200;

export interface ParsedTopic {
  /** The room name: the topic as sent, its id lower-cased. */
  room: string;
  definition: TopicDefinition;
  id: string | null;
}

export type TopicParse = { ok: true; topic: ParsedTopic } | { ok: false; code: string };

const definitions = TOPICS as Record<string, TopicDefinition>;

/** Reads one requested topic; anything unexpected is a code, never an exception. */
export function parseTopic(raw: unknown): TopicParse {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_TOPIC_LENGTH) {
    return { ok: false, code: REALTIME_ERRORS.TOPIC_UNKNOWN };
  }
  const colon = raw.indexOf(':');
  if (colon < 0) {
    const definition = Object.hasOwn(definitions, raw) ? definitions[raw] : undefined;
    return definition
      ? { ok: true, topic: { room: raw, definition, id: null } }
      : { ok: false, code: REALTIME_ERRORS.TOPIC_UNKNOWN };
  }
  const family = `${raw.slice(0, colon)}:{id}`;
  const definition = Object.hasOwn(definitions, family) ? definitions[family] : undefined;
  if (!definition) return { ok: false, code: REALTIME_ERRORS.TOPIC_UNKNOWN };
  const id = raw.slice(colon + 1);
  if (!UUID.test(id)) return { ok: false, code: REALTIME_ERRORS.TOPIC_ID_INVALID };
  const normalized = id.toLowerCase();
  return {
    ok: true,
    topic: { room: `${raw.slice(0, colon)}:${normalized}`, definition, id: normalized },
  };
}

/** Whether `role` may follow the topic behind this room (a room that is no topic: no). */
export function mayFollow(room: string, role: string): boolean {
  const parsed = parseTopic(room);
  return parsed.ok && roleAtLeast(role, parsed.topic.definition.role);
}

type RoomsOf = (payload: unknown) => string[];

/** For each event, the rooms a payload goes to, derived once from TOPICS. */
function buildRouting(): Map<RealtimeEventName, RoomsOf[]> {
  const routing = new Map<RealtimeEventName, RoomsOf[]>();
  for (const [name, definition] of Object.entries(definitions)) {
    const prefix = name.endsWith(':{id}') ? name.slice(0, -'{id}'.length) : null;
    for (const [event, route] of Object.entries(definition.events) as Array<
      [RealtimeEventName, Route<RealtimeEventName>]
    >) {
      const roomsOf: RoomsOf =
        route === true
          ? () => [name]
          : (payload) => {
              const id = (route as (payload: unknown) => string | null)(payload);
              return prefix && typeof id === 'string' ? [`${prefix}${id.toLowerCase()}`] : [];
            };
      routing.set(event, [...(routing.get(event) ?? []), roomsOf]);
    }
  }
  return routing;
}

const ROUTING = buildRouting();

/** The events the gateway forwards from the bus. */
export const FORWARDED_EVENTS: readonly RealtimeEventName[] = [...ROUTING.keys()];

/** The rooms an event belongs to (a socket in several of them still gets it once). */
export function roomsFor<K extends RealtimeEventName>(
  event: K,
  payload: RealtimeEvents[K],
): string[] {
  return (ROUTING.get(event) ?? []).flatMap((roomsOf) => roomsOf(payload));
}
