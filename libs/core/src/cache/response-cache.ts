import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { bounded } from '../async/bounded';
import { etagOf, ETAG_MAX_BYTES, ifNoneMatchHits } from '../http/etag';
import { answerEarly } from '../http/fastify-adapter';
import { ACCESS_METADATA, type Role, type RouteAccess } from '../http/access';
import { requestState } from '../http/request-context';
import { REDIS } from '../redis/redis.module';
import { cacheConfig, type CacheConfig } from './cache.config';
import { MemoryTier } from './memory-tier';
import { ReadCache } from './read-cache';

/** The field of a Fastify route's config that marks its responses cacheable. */
const ROUTE_CONFIG_FIELD = 'botdeckCachedResponse';

/** What a cached response is and what it depends on besides its URL and the caller's role. */
export interface CachedResponseSpec {
  /** The read's name, e.g. `bots.list`: a label in the cache metrics. */
  name: string;
  /** The event types of every write that can change the answer (as in `CachedRead`). */
  dependsOn: readonly string[];
}

interface CachedRoute extends CachedResponseSpec {
  access(): RouteAccess | undefined;
}

/**
 * Redis keys whose presence an answer relied on (a running bot is shown so while its lease is
 * held): the answer is only served again while each key is present or absent as it was.
 */
export interface KeyEvidence {
  keys: readonly string[];
  present: readonly boolean[];
}

interface Entry {
  /** The bytes sent: a hit writes them as they are (no encoding, no length to count). */
  body: Buffer;
  etag: string;
  contentType: string;
  evidence: KeyEvidence | null;
}

interface Fill {
  route: CachedRoute;
  key: string;
  /** The role the entry is kept for: the answer is only kept if it was built for that role. */
  role: string;
  evidence: KeyEvidence | null;
  /** Set when the handler's answer relied on something that cannot be checked again. */
  uncacheable: boolean;
}

/**
 * Lets the response cache serve a signed-in caller: the one part it cannot do itself. An
 * implementation checks the bearer token, the user and the login exactly as the access guard
 * does, and counts the request against its rate limit, setting the limit headers.
 */
export abstract class ResponseCacheAdmission {
  /**
   * The caller's role when it may read a route needing `minimumRole`, the request counted;
   * null when the full pipeline must answer (it then refuses with the right error, and must
   * not count a request counted here again).
   */
  abstract admit(
    request: FastifyRequest,
    reply: FastifyReply,
    minimumRole: Role,
  ): Promise<string | null>;
}

const fills = new WeakMap<FastifyRequest, Fill>();

/** Headers of a kept answer that a hit sends again (content type, ETag) or sets anew. */
const REPLAYED_HEADERS = /^(content-type|content-length|etag|x-request-id|ratelimit(-\w+)?)$/;

/**
 * Marks a signed-in GET route whose 200 answers the response cache may serve again: the bytes
 * the pipeline sent, kept per URL and caller's role under the generations of `dependsOn`.
 */
export function CachedResponse(spec: CachedResponseSpec): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    let access: RouteAccess | undefined;
    const route: CachedRoute = {
      ...spec,
      // Read on first use: the route's @Roles may be applied after this decorator.
      access: () =>
        (access ??=
          (Reflect.getMetadata(ACCESS_METADATA, handler) as RouteAccess | undefined) ??
          (Reflect.getMetadata(ACCESS_METADATA, target.constructor) as RouteAccess | undefined)),
    };
    SetMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { [ROUTE_CONFIG_FIELD]: route })(
      target,
      key,
      descriptor,
    );
  };
}

const building = new AsyncLocalStorage<Fill>();

/**
 * Runs `work`, the part of a `@CachedResponse` handler that reads live state, so that what it
 * notes (`noteKeyEvidence`, `noteUncacheable`) goes with the answer being built for `request`.
 */
export function withKeyEvidence<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
  const fill = fills.get(request);
  return fill ? building.run(fill, work) : work();
}

/**
 * Says which Redis keys (of the REDIS connection) the answer being built relied on being
 * present or absent: it is served again only while each still is. Outside `withKeyEvidence`
 * it does nothing.
 */
export function noteKeyEvidence(evidence: KeyEvidence): void {
  const fill = building.getStore();
  if (!fill) return;
  fill.evidence = {
    keys: [...(fill.evidence?.keys ?? []), ...evidence.keys],
    present: [...(fill.evidence?.present ?? []), ...evidence.present],
  };
}

/** Says the answer being built relied on what cannot be checked again: it is not kept. */
export function noteUncacheable(): void {
  const fill = building.getStore();
  if (fill) fill.uncacheable = true;
}

/**
 * The answers of `@CachedResponse` routes, as sent, served again before the Nest pipeline
 * runs: a polling dashboard's repeat read costs a token check from memory, its rate-limit
 * count and one read of the generations, and neither a handler, a serialization nor a hash.
 *
 * Never stale after a write, as the read cache: the key holds the generations of what the
 * answer depends on, read from Redis for every request, and the generations of a miss are
 * read before the pipeline builds its answer, so a write racing it leaves that entry behind.
 * The caller's role is in the key, so one role is never served what another was. Answers
 * that relied on keys being present (leases) are checked against them again on each hit.
 * Entries live in this process's memory only (CACHE_MEMORY_ENTRIES, CACHE_RESPONSE_MAX_BYTES,
 * CACHE_TTL_SECONDS).
 */
@Injectable()
export class ResponseCache {
  private readonly logger = new Logger('HttpRequests');
  private readonly entries: MemoryTier;
  private admission?: ResponseCacheAdmission;

  constructor(
    private readonly readCache: ReadCache,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(cacheConfig.KEY) private readonly config: CacheConfig,
  ) {
    this.entries = new MemoryTier(config.memoryEntries, config.responseMaxBytes);
  }

  /**
   * Serves hits ahead of Nest's middleware and keeps the answers of misses as they are sent
   * (install after installHttpConventions).
   */
  install(fastify: FastifyInstance, admission: ResponseCacheAdmission): void {
    if (!this.config.enabled) return;
    this.admission = admission;
    answerEarly(fastify, (request, reply) => this.serve(request, reply));
    // After the ETag hook (installHttpConventions): a 200's payload here is what was sent.
    fastify.addHook('onSend', (request, reply, payload, done) => {
      this.keep(request, reply, payload);
      done(null, payload);
    });
  }

  private async serve(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.method !== 'GET') return;
    const config = request.routeOptions.config as { [ROUTE_CONFIG_FIELD]?: CachedRoute };
    const route = config?.[ROUTE_CONFIG_FIELD];
    const access = route?.access();
    if (!route || !access || access.public) return;
    const [role, generations] = await Promise.all([
      this.admission!.admit(request, reply, access.minimumRole),
      this.readCache.generations(route.dependsOn),
    ]);
    if (role === null || generations === null) return;
    const key = `${route.name}:${generations.join('.')}:${role}:${request.url}`;
    const entry = this.entries.get(key) as Entry | undefined;
    if (entry && (entry.evidence === null || (await this.stillTrue(entry.evidence)))) {
      this.readCache.countHit(route.name, 'response');
      this.send(request, reply, entry);
      return;
    }
    fills.set(request, { route, key, role, evidence: null, uncacheable: false });
  }

  /** Sends `entry` (its onSend hooks are synchronous, so the reply is sent on return). */
  private send(request: FastifyRequest, reply: FastifyReply, entry: Entry): void {
    void reply.header('etag', entry.etag);
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatchHits(typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined, entry.etag)) {
      void reply.code(304).send();
    } else {
      void reply.header('content-type', entry.contentType).send(entry.body);
    }
    // The pipeline's request logger (pino-http) is not reached; the same line, from here.
    if (PinoLogger.root && !PinoLogger.root.isLevelEnabled('info')) return;
    this.logger.log({
      req: { id: request.id, method: request.method, url: request.url },
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime),
      msg: 'request completed (response cache)',
    });
  }

  private keep(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
    const fill = fills.get(request);
    if (!fill || fill.uncacheable || reply.statusCode !== 200) return;
    if (typeof payload !== 'string' || payload.length > ETAG_MAX_BYTES) return;
    // The access guard read the caller again: a role changed meanwhile built another's answer.
    if (requestState(request).actor?.role !== fill.role) return;
    // A hit sends the body and these headers only; an answer that says more is not kept.
    if (Object.keys(reply.getHeaders()).some((name) => !REPLAYED_HEADERS.test(name))) return;
    const contentType = reply.getHeader('content-type');
    if (typeof contentType !== 'string') return;
    const etag = reply.getHeader('etag');
    const body = Buffer.from(payload);
    const entry: Entry = {
      body,
      etag: typeof etag === 'string' ? etag : etagOf(payload),
      contentType,
      evidence: fill.evidence,
    };
    // The key holds the URL, which a caller chooses: it is weighed with the body.
    const weight = body.length + Buffer.byteLength(fill.key);
    this.entries.set(fill.key, entry, this.config.ttlSeconds * 1000, weight);
  }

  /** Whether every key the answer relied on is still present, or absent, as it was. */
  private async stillTrue(evidence: KeyEvidence): Promise<boolean> {
    if (evidence.keys.length === 0) return true;
    try {
      const values = await bounded(
        this.redis.mget(...evidence.keys),
        this.config.timeoutMs,
        'The response cache',
      );
      return values.every((value, index) => (value !== null) === evidence.present[index]);
    } catch {
      return false;
    }
  }
}
