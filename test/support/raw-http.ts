import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
}

/**
 * Sends bytes exactly as given over a plain TCP socket and reads until the server closes it
 * (or `timeoutMs` passes): for requests that a well-behaved HTTP client refuses to send.
 * `chunks` are written one by one, `gapMs` apart, to play a slow client.
 */
export function rawRequest(
  baseUrl: string,
  chunks: Array<string | Buffer>,
  options: { gapMs?: number; timeoutMs?: number } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => {
      socket.destroy();
      reject(new Error(`server kept the connection open for ${options.timeoutMs ?? 10_000} ms`));
    }, options.timeoutMs ?? 10_000);
    socket.on('data', (data) => received.push(data));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(deadline);
      if (timer) clearTimeout(timer);
      resolve(parse(Buffer.concat(received).toString('utf8'), Date.now() - started));
    });
    socket.on('connect', () => {
      let index = 0;
      const writeNext = () => {
        if (index >= chunks.length || socket.destroyed) return;
        socket.write(chunks[index++]);
        timer = setTimeout(writeNext, options.gapMs ?? 0);
      };
      writeNext();
    });
  });
}

function parse(text: string, closedAfterMs: number): RawResponse {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  return { status, headers, body: rest.join('\r\n\r\n'), closedAfterMs };
}
