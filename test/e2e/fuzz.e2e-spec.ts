import { authConfig, type AuthConfig } from '@botdeck/auth';
import { sign } from 'jsonwebtoken';
import { Agent, request as httpRequest } from 'node:http';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { OpenApiDocument, operationsOf } from './fuzz/openapi';
import { seededRandom, Variant, variantsOf } from './fuzz/mutations';

/**
 * Walks every operation in /docs-json and sends generated malformed variants of it as each
 * role. Any 5xx, any error outside the envelope, any stack trace or SQL in a body fails the
 * run. The seed is fixed, so a failure reproduces; change SEED to explore elsewhere.
 */
const SEED = 0x0b07dec4;
const CONCURRENCY = 12;
/** `forged`: a token signed with Botdeck's key but without `exp` and with a NUL in `sid`. */
const ROLES = ['anonymous', 'forged', 'viewer', 'operator', 'admin'] as const;
type Role = (typeof ROLES)[number];

const ENVELOPE_KEYS = new Set(['statusCode', 'code', 'message', 'details', 'requestId']);
const STACK_TRACE = /\bat (?:async )?[\w$.<>[\] ]*\(?[^\s()]+\.(?:js|ts|mjs|cjs):\d+:\d+\)?/;
const SQL =
  /\b(?:SELECT\s.+\sFROM|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM)\b|QueryFailedError|syntax error at or near|violates \w+(?:-\w+)? constraint|invalid input syntax|invalid byte sequence|out of range for type/i;

interface Answer {
  status: number;
  text: string;
}

function send(agent: Agent, baseUrl: string, variant: Variant, headers: Record<string, string>) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        host: hostname,
        port,
        method: variant.method,
        path: variant.path,
        headers: {
          ...variant.headers,
          ...headers,
          ...(variant.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(variant.body)) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(variant.body);
  });
}

/** What is wrong with an answer, or null when it keeps every promise. */
function problemWith(answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (STACK_TRACE.test(answer.text)) return 'stack trace in the body';
  if (SQL.test(answer.text)) return 'SQL in the body';
  if (answer.status < 400) return null;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    return `error body is not JSON: ${answer.text.slice(0, 80)}`;
  }
  const keys = Object.keys(body);
  if (keys.some((key) => !ENVELOPE_KEYS.has(key))) return `extra keys: ${keys.join(',')}`;
  if (body.statusCode !== answer.status) return `statusCode ${String(body.statusCode)}`;
  if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(body.code)) return 'bad code';
  if (typeof body.message !== 'string') return 'no message';
  if (typeof body.requestId !== 'string' || body.requestId === '') return 'no requestId';
  return null;
}

async function runPool<T>(tasks: T[], limit: number, work: (task: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) await work(tasks[next++]);
    }),
  );
}

describe('fuzz: malformed variants of every documented operation, as every role', () => {
  let api: TestApi;
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    api = await startApi();
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      tokens[role] = (await loginAs(api, role)).accessToken;
    }
    const { jwtSecret } = api.app.get<AuthConfig>(authConfig.KEY);
    const { sub } = JSON.parse(
      Buffer.from(tokens.admin?.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { sub: string };
    tokens.forged = sign({ sub, sid: 'a\u0000b', role: 'admin' }, jwtSecret, {
      algorithm: 'HS256',
      issuer: 'botdeck',
      audience: 'botdeck-api',
    });
  });
  afterAll(() => api.close());

  it('never answers 5xx, always answers errors in the envelope and never leaks internals', async () => {
    const spec = (await request(api.url).get('/docs-json').expect(200)).body as OpenApiDocument;
    const random = seededRandom(SEED);
    const operations = operationsOf(spec);
    expect(operations.length).toBeGreaterThan(20);

    const tasks = operations.flatMap((op) =>
      variantsOf(op, random).flatMap((variant) => ROLES.map((role) => ({ variant, role }))),
    );
    const clientIp = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const failures: string[] = [];
    const reachedPastAuth: Record<Role, number> = {
      anonymous: 0,
      forged: 0,
      viewer: 0,
      operator: 0,
      admin: 0,
    };
    let sent = 0;
    try {
      expect(tasks.length).toBeGreaterThan(2000);
      await runPool(tasks, CONCURRENCY, async ({ variant, role }) => {
        sent += 1;
        const token = tokens[role];
        const headers = {
          'x-forwarded-for': clientIp(sent),
          ...(token ? authHeader(token) : {}),
        };
        let answer: Answer;
        try {
          answer = await send(agent, api.url, variant, headers);
        } catch (error) {
          failures.push(`${role} ${variant.label}: no answer (${(error as Error).message})`);
          return;
        }
        const problem = problemWith(answer);
        if (problem) failures.push(`${role} ${variant.label}: ${problem}`);
        if (answer.status !== 401 && answer.status !== 403) reachedPastAuth[role] += 1;
      });
    } finally {
      agent.destroy();
    }

    expect({ failures: failures.length, first: failures.slice(0, 30) }).toEqual({
      failures: 0,
      first: [],
    });
    expect(sent).toBe(tasks.length);
    // The fuzzer's own sessions survived (ids it sends name nothing), so the signed-in roles
    // really exercised validation and handlers rather than bouncing off the guard.
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      await request(api.url)
        .get('/api/v1/auth/me')
        .set(authHeader(tokens[role] ?? ''))
        .expect(200);
      expect(reachedPastAuth[role]).toBeGreaterThan(reachedPastAuth.anonymous);
    }
  });
});
