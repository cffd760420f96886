import { REDIS } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { CommandLogRecord } from './command-log-record';

/** The Redis Stream that carries log records from the bots to the writer (key-prefixed). */
export const COMMAND_LOG_STREAM = 'commands:log-stream';
/** The consumer group every writer joins: each entry goes to exactly one writer. */
export const COMMAND_LOG_GROUP = 'command-log-writers';
/** The one field of a stream entry: the JSON record. */
export const RECORD_FIELD = 'r';

/**
 * The producer side. A record is durable once XADD returns: a writer that dies with it unacked
 * leaves it pending in the group, where another writer claims it.
 */
@Injectable()
export class CommandLogQueue {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async enqueue(record: CommandLogRecord): Promise<void> {
    await this.redis.xadd(COMMAND_LOG_STREAM, '*', RECORD_FIELD, JSON.stringify(record));
  }
}
