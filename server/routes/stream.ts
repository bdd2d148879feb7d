/**
 * GET /v1/stream without a WebSocket upgrade: explains how to connect. The upgrade itself is
 * handled on the HTTP server (stream/upgrade.ts), before Hono sees the request.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';
import { STREAM_PROTOCOL } from '../stream/upgrade';

export function streamRoutes(api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  api.add({
    method: 'get',
    path: '/v1/stream',
    summary:
      `WebSocket. Offer subprotocols "${STREAM_PROTOCOL}, <advocate token>". The server sends ` +
      '{"type":"sync","cursor":"…"} when live content, guidelines or scoring change (and once on connect); ' +
      'send {"type":"ping"} at least every 20 s and get {"type":"pong"}. Send {"type":"cursor","cursor":"…"} after each ' +
      'sync and the next sync message carries "since", "etag" and "answer" (that sync\'s body) when it can. Idle streams close after 60 s ' +
      '(code 4408); a shutting-down server closes with 1012: reconnect.',
    tag: 'advocate',
    auth: 'advocate',
    responses: {
      101: { description: 'Switching protocols' },
      401: { description: 'Missing or bad token (refused before the upgrade)' },
      426: { description: 'Not a WebSocket upgrade' },
      429: { description: 'Too many open streams for this token', headers: ['Retry-After'] },
    },
  });
  app.get('/', () => {
    throw new ProblemError(426, 'This is a WebSocket endpoint: connect with a WebSocket client.', {
      type: 'upgrade-required',
      title: 'Upgrade Required',
      headers: { upgrade: 'websocket' },
    });
  });
  return app;
}
