/**
 * What the interaction benchmarks share: a keep-alive player for the sandbox's
 * `POST /_sandbox/interactions`, an on-schedule load generator, percentiles, and bot
 * processes forked under ts-node.
 */
import { ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlayedInteraction } from '@botdeck/discord-sandbox';

export interface LoadStep {
  rate: number;
  sent: number;
  answered: number;
  /** INTERACTION_CREATE sent → callback received, measured by the sandbox. */
  roundTrip: number[];
  /** Control API request → its answer, measured by the generator. */
  controlCall: number[];
  /** How far the generator fell behind its schedule at the end, in ms. */
  lagMs: number;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * Plays one slash command per call. Plain node:http with keep-alive, so the generator costs
 * the sandbox's core little.
 */
export function interactionPlayer(
  baseUrl: string,
  payload: object,
): () => Promise<PlayedInteraction> {
  const body = JSON.stringify(payload);
  const agent = new Agent({ keepAlive: true });
  return () =>
    new Promise<PlayedInteraction>((resolve, reject) => {
      const req = request(
        `${baseUrl}/_sandbox/interactions`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(JSON.parse(text) as PlayedInteraction));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** Plays `rate` interactions per second for `seconds`, on schedule, and waits for all answers. */
export async function runAt(
  play: () => Promise<PlayedInteraction>,
  rate: number,
  seconds: number,
): Promise<LoadStep> {
  const step: LoadStep = { rate, sent: 0, answered: 0, roundTrip: [], controlCall: [], lagMs: 0 };
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  const start = performance.now();
  while (step.sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    while (step.sent < due) {
      step.sent++;
      const sentAt = performance.now();
      pending.push(
        play().then(
          (played) => {
            step.controlCall.push(performance.now() - sentAt);
            if (!played.response) return;
            step.answered++;
            step.roundTrip.push(played.response.latencyMs);
          },
          () => undefined,
        ),
      );
    }
    await sleep(2);
  }
  step.lagMs = Math.max(0, performance.now() - start - seconds * 1000);
  await Promise.all(pending);
  return step;
}

/**
 * Forks a bench bot process (a `.ts` file beside the benches) and resolves once it sends its
 * first IPC message, which each such script sends when its bot is ready. With
 * `BENCH_CPU_PROF=<dir>`, each such process writes a V8 CPU profile there when it exits.
 */
export function forkBenchProcess(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  readyTimeoutMs = 60_000,
): Promise<ChildProcess> {
  const child = fork(join(__dirname, '..', script), args, {
    env,
    execArgv: [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
    ],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} was not ready in ${readyTimeoutMs / 1000} s`)),
      readyTimeoutMs,
    );
    child.once('message', () => {
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}
