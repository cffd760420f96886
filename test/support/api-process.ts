import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A real API process (`apps/api/src/main.ts` under ts-node), to see it survive an outage. */
export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed, for log assertions and for diagnosing a failure. */
  output(): string;
  running(): boolean;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function spawnApi(
  env: Record<string, string>,
  readyTimeoutMs = 90_000,
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/api/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        TS_NODE_PROJECT: 'tsconfig.json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const started = Date.now();
  while (!output.includes('Botdeck API listening on')) {
    if (!running()) throw new Error(`API exited during start-up:\n${output}`);
    if (Date.now() - started > readyTimeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`API not listening within ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    running,
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      const timer = setTimeout(() => running() && child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
