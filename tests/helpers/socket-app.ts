/** A Hono app served on a loopback port, and requests to it over a real socket (as a browser or proxy sends them). */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

export interface SocketApp {
  port: number;
  close(): Promise<void>;
}

export async function serveOnLoopback(fetch: (request: Request) => Response | Promise<Response>): Promise<SocketApp> {
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SocketAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One request; with `chunked`, the body goes in several chunks without Content-Length. */
export function sendOverSocket(
  port: number,
  method: string,
  path: string,
  {
    body,
    chunked = false,
    headers: given = {},
  }: { body?: string; chunked?: boolean; headers?: Record<string, string> } = {},
): Promise<SocketAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...given };
    if (body !== undefined && !chunked) headers['content-length'] = String(Buffer.byteLength(body));
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (body !== undefined && chunked) {
      // Several chunks, no Content-Length: Node sends Transfer-Encoding: chunked.
      for (let i = 0; i < body.length; i += 300) req.write(body.slice(i, i + 300));
    } else if (body !== undefined) req.write(body);
    req.end();
  });
}
