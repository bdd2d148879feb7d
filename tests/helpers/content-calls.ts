/** A content test file's server: started with an admin signed in before its tests, stopped after, and the admin content calls. */
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './server';

/** `started` hands the file its server and admin token once they are up. */
export function contentTestServer(started: (ready: { server: TestServer; admin: string }) => void) {
  let server: TestServer | undefined;
  let admin = '';
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    started({ server, admin });
  });
  afterAll(async () => {
    await server?.stop();
  });
  const call = (path: string, init: { method?: string; json?: unknown } = {}) =>
    server!.call(path, { ...init, token: admin });
  return {
    post: (json: unknown) => call('/v1/admin/content', { method: 'POST', json }),
    patch: (id: string, json: unknown) => call(`/v1/admin/content/${id}`, { method: 'PATCH', json }),
    publish: (id: string) => call(`/v1/admin/content/${id}/publish`, { method: 'POST' }),
    get: (id: string) => call(`/v1/admin/content/${id}`),
  };
}
