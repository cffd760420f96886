import { connect, Socket } from 'node:net';
import { startApi, TestApi } from '../support/api';
import { eventually } from '../support/eventually';
import { rawRequest } from '../support/raw-http';

/**
 * The bounds are generous multiples of the configured timeouts: what is checked is that a
 * slow client is cut at all, near its timeout, rather than held for minutes.
 */
describe('Slow clients are bounded', () => {
  describe('timeouts', () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await startApi({
        HTTP_REQUEST_TIMEOUT_MS: '2000',
        HTTP_HEADERS_TIMEOUT_MS: '1000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '500',
      });
    });
    afterAll(() => api.close());

    it('cuts a client that trickles its body one byte at a time, with a 408 envelope', async () => {
      const head =
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 200\r\n\r\n';
      const trickle = Array.from({ length: 200 }, () => ' ');
      const res = await rawRequest(api.url, [head, ...trickle], {
        gapMs: 700,
        timeoutMs: 30_000,
      });
      expect(res.status).toBe(408);
      expect(JSON.parse(res.body)).toMatchObject({
        statusCode: 408,
        code: 'REQUEST_TIMEOUT',
        requestId: expect.any(String),
      });
      expect(res.closedAfterMs).toBeLessThan(10_000);
    });

    it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
      const res = await rawRequest(
        api.url,
        ['GET /api/v1/no-such-route HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n'],
        { timeoutMs: 30_000 },
      );
      expect(res.status).toBe(404);
      expect(res.closedAfterMs).toBeLessThan(10_000);
    });
  });

  describe('connection cap', () => {
    let api: TestApi;
    const sockets: Socket[] = [];

    beforeAll(async () => {
      api = await startApi({ HTTP_MAX_CONNECTIONS: '5' });
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await api.close();
    });

    it('closes connections beyond HTTP_MAX_CONNECTIONS on arrival', async () => {
      const { port } = new URL(api.url);
      const server = api.app.getHttpAdapter().getInstance().server;
      const open = () =>
        new Promise<Socket>((resolve) => {
          const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
          socket.on('error', () => undefined);
          sockets.push(socket);
        });
      for (let i = 0; i < 5; i += 1) await open();
      await eventually('the five connections to be counted', async () => {
        const count = await new Promise<number>((resolve, reject) =>
          server.getConnections((error, n) => (error ? reject(error) : resolve(n))),
        );
        expect(count).toBe(5);
      });

      const res = await rawRequest(api.url, ['GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n']);
      expect(res.status).toBe(0);

      sockets.splice(0).forEach((socket) => socket.destroy());
      await eventually('a connection to be accepted again', async () => {
        const again = await rawRequest(api.url, [
          'GET /api/v1/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
        ]);
        expect(again.status).toBe(404);
      });
    });
  });
});
