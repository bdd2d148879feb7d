/** A content test file's server: started with an admin signed in before its tests, stopped after, and the admin content calls. */
import { beforeAll } from 'vitest';
import { adminTestServer } from './admin-server';
import type { TestServer } from './server';

/** `started` hands the file its server and admin token once they are up. */
export function contentTestServer(started: (ready: { server: TestServer; admin: string }) => void) {
  const running = adminTestServer();
  beforeAll(() => started({ server: running.server, admin: running.admin }));
  const { call } = running;
  return {
    post: (json: unknown) => call('/v1/admin/content', { method: 'POST', json }),
    patch: (id: string, json: unknown) => call(`/v1/admin/content/${id}`, { method: 'PATCH', json }),
    publish: (id: string) => call(`/v1/admin/content/${id}/publish`, { method: 'POST' }),
    get: (id: string) => call(`/v1/admin/content/${id}`),
  };
}
