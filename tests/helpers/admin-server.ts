/** A test file's server: started with its first admin signed in before the file's tests, stopped after; `call` sends as that admin. */
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './server';

export interface AdminTestServer {
  /** The running server (read it inside tests and hooks, once it has started). */
  readonly server: TestServer;
  /** The first admin's token. */
  readonly admin: string;
  call(path: string, init?: { method?: string; json?: unknown }): Promise<Response>;
}

export function adminTestServer(): AdminTestServer {
  let server: TestServer | undefined;
  let admin = '';
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('the test server is not running: use it inside tests and hooks');
    return server;
  };
  return {
    get server() {
      return running();
    },
    get admin() {
      return admin;
    },
    call: (path, init = {}) => running().call(path, { ...init, token: admin }),
  };
}
