/**
 * WebSocket upgrades on GET /v1/stream. The advocate token travels in Sec-WebSocket-Protocol as
 * `relay.v1, <token>` (browsers cannot set Authorization on WebSockets). A bad or missing token,
 * one over its connection cap, or a client older than RELAY_MIN_CLIENT_VERSION (its version in the
 * `relay-client` query parameter) is refused with a problem+json HTTP answer before the upgrade.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Deps } from '../context';
import { authenticateAdvocate } from '../middleware/auth';
import { CLIENT_HEADER, CLIENT_PARAM, clientTooOld } from '../middleware/client-version';
import { ProblemError } from '../problem';
import type { StreamHub } from './hub';

export const STREAM_PATH = '/v1/stream';
export const STREAM_PROTOCOL = 'relay.v1';

function refuse(socket: Duplex, problem: ProblemError): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(problem.toJSON());
  const extra = Object.entries(problem.headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
      'content-type: application/problem+json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      extra +
      'connection: close\r\n\r\n' +
      body,
  );
}

export interface StreamAttachment {
  /** Refuse new upgrades (shutting down). */
  stopAccepting(): void;
}

export function attachStream(
  server: Server,
  deps: Deps,
  hub: StreamHub,
  greeting: () => string | undefined,
): StreamAttachment {
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 4 * 1024,
    handleProtocols: (protocols) => (protocols.has(STREAM_PROTOCOL) ? STREAM_PROTOCOL : false),
  });
  let accepting = true;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void handle(request, socket, head).catch((error: unknown) => {
      if (error instanceof ProblemError) return refuse(socket, error);
      console.error('stream upgrade failed:', error);
      refuse(socket, new ProblemError(500, 'Something went wrong on the server. It has been logged.'));
    });
  });

  async function handle(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== STREAM_PATH) throw new ProblemError(404, `No WebSocket endpoint at ${path}.`, { type: 'not-found' });
    if (!accepting) throw new ProblemError(503, 'The server is shutting down: reconnect.', { type: 'unavailable' });
    // Browsers cannot set headers on a WebSocket: the extension's version comes as a query parameter.
    const header = request.headers[CLIENT_HEADER];
    const sent =
      typeof header === 'string' ? header : new URL(request.url ?? '/', 'ws://relay').searchParams.get(CLIENT_PARAM);
    const tooOld = clientTooOld(deps.config.minClientVersion, sent);
    if (tooOld) throw tooOld;
    const offered = (request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    if (!offered.includes(STREAM_PROTOCOL)) {
      throw new ProblemError(401, `Send "Sec-WebSocket-Protocol: ${STREAM_PROTOCOL}, <advocate token>".`, {
        type: 'unauthorized',
      });
    }
    const authenticatedAt = deps.now();
    const advocate = await authenticateAdvocate(
      deps,
      offered.find((value) => value !== STREAM_PROTOCOL),
    );
    if (!hub.canAccept(advocate.id)) {
      throw new ProblemError(429, 'Too many open streams for this token. Close another first.', {
        type: 'too-many-streams',
        headers: { 'retry-after': '30' },
      });
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (!hub.add(ws, advocate.id, authenticatedAt)) return;
      const cursor = greeting();
      if (cursor) hub.send(ws, JSON.stringify({ type: 'sync', cursor }));
    });
  }

  return {
    stopAccepting() {
      accepting = false;
    },
  };
}
