import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy a test controls, standing between Botdeck and a shared dependency (PostgreSQL,
 * Redis) so that the test can take the dependency away from Botdeck alone:
 * - `cut('refuse')` drops every open connection and closes the port (connects are refused);
 * - `cut('blackhole')` drops every open connection and accepts new ones that never answer,
 *   like a host that vanished from the network;
 * - `restore()` forwards again, on the same port.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private mode: 'open' | 'refuse' | 'blackhole' = 'open';

  private constructor(
    private readonly target: { host: string; port: number },
    public port = 0,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await proxy.listen();
    return proxy;
  }

  /** Connections currently open through (or held by) the proxy. */
  get openConnections(): number {
    return this.sockets.size;
  }

  async cut(mode: 'refuse' | 'blackhole'): Promise<void> {
    this.mode = mode;
    this.dropAll();
    if (mode === 'refuse') await this.closeServer();
  }

  async restore(): Promise<void> {
    this.dropAll();
    this.mode = 'open';
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    this.dropAll();
    await this.closeServer();
  }

  private listen(): Promise<void> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address !== 'string') this.port = address.port;
        resolve();
      });
    });
  }

  private accept(client: Socket): void {
    // A connection that raced the close of the port is dropped like the others.
    if (this.mode === 'refuse') {
      client.destroy();
      return;
    }
    this.track(client);
    if (this.mode === 'blackhole') return; // held open, never answered
    const upstream = createConnection(this.target);
    this.track(upstream);
    client.pipe(upstream).pipe(client);
    const teardown = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', teardown);
    upstream.on('close', teardown);
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The same URL with its host and port replaced by the proxy's. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const routed = new URL(url);
  routed.hostname = '127.0.0.1';
  routed.port = String(proxy.port);
  return routed.toString();
}
