import { parse as parseQueryString } from 'node:querystring';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadRequestError } from '../errors/app-error';
import { CORE_ERRORS } from '../errors/core.errors';

/**
 * The deepest JSON nesting a request body may have. Botdeck's DTOs are at most three levels
 * deep; the margin is for clients that wrap them. Anything deeper is refused before parsing,
 * because class-transformer and class-validator walk bodies recursively and a body nested
 * 100 000 levels deep (600 KB, under the size limit) would exhaust the stack.
 */
export const MAX_JSON_DEPTH = 32;

export class JsonTooDeepError extends BadRequestError {
  constructor(maxDepth: number) {
    super(CORE_ERRORS.JSON_TOO_DEEP, `Request body nests deeper than ${maxDepth} levels`, {
      maxDepth,
    });
  }
}

/**
 * The deepest nesting in `text`, or `limit + 1` as soon as it exceeds `limit`. One linear pass:
 * brackets inside strings (with their escapes) are text, not structure.
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i += 1;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return deepest;
}

/** A request whose route asked for its raw JSON body (`@RouteConfig({ rawBody: true })`). */
export type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

/**
 * Installs Botdeck's body parsers in place of Nest's (create the app with `bodyParser: false`).
 * URL-encoded forms parse flat, as Nest's would; JSON goes through a parser that (a) refuses bodies nested deeper than
 * `maxDepth` and (b) reads an empty body as no body, as many HTTP clients send
 * `Content-Type: application/json` on a body-less POST. Parsing itself stays Fastify's
 * (prototype-poisoning checks included).
 */
export function installBodyParsers(
  fastify: FastifyInstance,
  options: { bodyLimitBytes: number; maxDepth?: number },
): void {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: options.bodyLimitBytes },
    (_request, body, done) => {
      done(null, parseQueryString(typeof body === 'string' ? body : body.toString('utf8')));
    },
  );
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: options.bodyLimitBytes },
    (request, body, done) => {
      // A route that verifies a signature over the exact bytes asks for them in its config.
      if ((request.routeOptions.config as { rawBody?: unknown } | undefined)?.rawBody === true) {
        (request as RawBodyRequest).rawBody = typeof body === 'string' ? Buffer.from(body) : body;
      }
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      if (jsonDepth(text, maxDepth) > maxDepth) {
        done(new JsonTooDeepError(maxDepth), undefined);
        return;
      }
      void parse(request, text, done);
    },
  );
}
