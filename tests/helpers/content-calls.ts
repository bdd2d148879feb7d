/** The admin content calls the content tests make, bound to their file's test server and admin token. */
import type { TestServer } from './server';

export function adminContentCalls(server: () => TestServer, admin: () => string) {
  const post = (json: unknown) => server().call('/v1/admin/content', { method: 'POST', json, token: admin() });
  const patch = (id: string, json: unknown) =>
    server().call(`/v1/admin/content/${id}`, { method: 'PATCH', json, token: admin() });
  const publish = (id: string) => server().call(`/v1/admin/content/${id}/publish`, { method: 'POST', token: admin() });
  const get = (id: string) => server().call(`/v1/admin/content/${id}`, { token: admin() });
  return { post, patch, publish, get };
}
