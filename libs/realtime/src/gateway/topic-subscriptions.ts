import { AUTH_ERRORS } from '@botdeck/auth';
import { roleAtLeast } from '@botdeck/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { realtimeConfig, type RealtimeConfig } from '../realtime.config';
import { REALTIME_ERRORS } from '../realtime.errors';
import type {
  DeniedTopic,
  RealtimeError,
  SubscribeAck,
  UnsubscribeAck,
} from '../realtime.protocol';
import { mayFollow, type ParsedTopic, parseTopic } from '../topics/topic-registry';
import { SnapshotSources } from '../topics/snapshot-sources';
import { type RealtimeSocket, topicRooms } from './socket-session';

/** Longest echo of a refused topic in an answer. */
const SHOWN_TOPIC_LENGTH = 200;

/** `subscribe` and `unsubscribe`: which topics a socket follows, and what it sees first. */
@Injectable()
export class TopicSubscriptions {
  private readonly logger = new Logger(TopicSubscriptions.name);

  constructor(
    private readonly sources: SnapshotSources,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
  ) {}

  /** Joins every topic the socket may follow; the others are denied, each with a code. */
  subscribe(
    socket: RealtimeSocket,
    request: unknown,
  ): { result: SubscribeAck; joined: ParsedTopic[] } {
    const topics = this.readTopics(request);
    if (!Array.isArray(topics)) {
      return { result: { subscribed: [], denied: [], error: topics }, joined: [] };
    }
    const subscribed: string[] = [];
    const denied: DeniedTopic[] = [];
    const joined: ParsedTopic[] = [];
    let following = topicRooms(socket).length;
    for (const raw of topics) {
      const parsed = parseTopic(raw);
      if (!parsed.ok) {
        denied.push({ topic: shown(raw), code: parsed.code });
      } else if (!roleAtLeast(socket.data.role, parsed.topic.definition.role)) {
        denied.push({ topic: parsed.topic.room, code: AUTH_ERRORS.ROLE_TOO_LOW });
      } else if (socket.rooms.has(parsed.topic.room)) {
        subscribed.push(parsed.topic.room);
      } else if (following >= this.config.maxSubscriptionsPerSocket) {
        denied.push({ topic: parsed.topic.room, code: REALTIME_ERRORS.TOPIC_LIMIT_REACHED });
      } else {
        void socket.join(parsed.topic.room);
        following += 1;
        subscribed.push(parsed.topic.room);
        joined.push(parsed.topic);
      }
    }
    return { result: { subscribed, denied }, joined };
  }

  unsubscribe(socket: RealtimeSocket, request: unknown): UnsubscribeAck {
    const topics = this.readTopics(request);
    if (!Array.isArray(topics)) return { unsubscribed: [], error: topics };
    const unsubscribed: string[] = [];
    for (const raw of topics) {
      const parsed = parseTopic(raw);
      if (parsed.ok && socket.rooms.has(parsed.topic.room)) {
        void socket.leave(parsed.topic.room);
        unsubscribed.push(parsed.topic.room);
      }
    }
    return { unsubscribed };
  }

  /**
   * Sends what the new topics look like now. Volatile: a client that is not keeping up misses
   * a snapshot rather than growing the server's buffers, and follows the changes from there.
   */
  sendSnapshots(socket: RealtimeSocket, topics: ParsedTopic[]): void {
    for (const topic of topics) {
      const read = topic.definition.snapshot;
      if (!read) continue;
      read(this.sources, topic.id ?? '')
        .then((snapshot) => {
          if (snapshot && socket.connected && socket.rooms.has(topic.room)) {
            socket.volatile.emit('snapshot', snapshot);
          }
        })
        .catch((error: unknown) =>
          this.logger.warn({ err: error, topic: topic.room }, 'Could not read a snapshot'),
        );
    }
  }

  /** After a role change: leaves the topics the new role may not follow, and says so. */
  applyRole(socket: RealtimeSocket, role: RealtimeSocket['data']['role']): void {
    socket.data.role = role;
    const revoked: DeniedTopic[] = [];
    for (const room of topicRooms(socket)) {
      if (mayFollow(room, role)) continue;
      void socket.leave(room);
      revoked.push({ topic: room, code: AUTH_ERRORS.ROLE_TOO_LOW });
    }
    if (revoked.length > 0) socket.emit('topics.revoked', { topics: revoked });
  }

  /** `{ topics: string[] }` with at most as many topics as a socket may follow, else why not. */
  private readTopics(request: unknown): unknown[] | RealtimeError {
    const topics = (request as { topics?: unknown } | null | undefined)?.topics;
    if (typeof request !== 'object' || request === null || !Array.isArray(topics)) {
      return {
        code: REALTIME_ERRORS.REALTIME_PAYLOAD_INVALID,
        message: 'Send { topics: ["bots", "bot:<id>", …] }',
      };
    }
    if (topics.length > this.config.maxSubscriptionsPerSocket) {
      return {
        code: REALTIME_ERRORS.TOPIC_LIMIT_REACHED,
        message: `At most ${this.config.maxSubscriptionsPerSocket} topics per socket`,
      };
    }
    return topics as unknown[];
  }
}

function shown(raw: unknown): string {
  if (typeof raw === 'string') return raw.slice(0, SHOWN_TOPIC_LENGTH);
  return `(${raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw})`;
}
