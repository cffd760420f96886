import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { GatewayConnection } from './gateway-connection';
import { GatewayHub } from './gateway-hub';
import { CloseCode } from './gateway-protocol';

export const GATEWAY_PATH = '/gateway';

/** The gateway URL for a client that reached the HTTP side through `host`. */
export function gatewayUrlFor(host: string | undefined, fallback: string): string {
  return host ? `ws://${host}${GATEWAY_PATH}` : `${fallback}${GATEWAY_PATH}`;
}

/**
 * Serves the gateway on the HTTP server's own port: upgrades to `/gateway` become gateway
 * connections, anything else is refused. Only API v10 with JSON encoding is spoken.
 */
export function attachGateway(
  server: Server,
  hub: GatewayHub,
  fallbackBase: () => string,
): WebSocketServer {
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 1 << 20,
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'ws://sandbox');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== `${GATEWAY_PATH}/`) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const version = url.searchParams.get('v');
      const encoding = url.searchParams.get('encoding') ?? 'json';
      if (version !== null && version !== '10') {
        ws.close(CloseCode.InvalidAPIVersion, 'Invalid API version.');
        return;
      }
      if (encoding !== 'json' || url.searchParams.has('compress')) {
        // ETF and zlib-stream are not implemented; discord.js without zlib-sync uses neither.
        ws.close(CloseCode.DecodeError, 'Only encoding=json without compression is supported.');
        return;
      }
      const gatewayUrl = gatewayUrlFor(request.headers.host, fallbackBase().replace(/^http/, 'ws'));
      hub.accept(new GatewayConnection(ws, hub, gatewayUrl, hub.settings.heartbeatIntervalMs));
    });
  });
  return wss;
}
