/** The approval workflow's calls for tests: the setting, submit, publish (approve), reject, queues, notifications. */
import { expect } from 'vitest';
import type { AdminNotifications, ApprovalsQueue, ContentItem } from '../../lib/schemas';
import { contentInput } from './api';
import type { TestServer } from './server';

export type Admin = { token: string; id: string; email: string };

export function approvalCalls(server: () => TestServer) {
  const call = (token: string, path: string, init: { method?: string; json?: unknown } = {}) =>
    server().call(path, { ...init, token });
  const ok = async <T>(response: Promise<Response>, status = 200): Promise<T> => {
    const answer = await response;
    const text = await answer.text();
    expect(answer.status, text).toBe(status);
    return JSON.parse(text) as T;
  };
  return {
    call,
    ok,
    setApprovals: async (enabled: boolean, email = false) =>
      ok(
        call(await server().adminToken(), '/v1/admin/settings/approvals', {
          method: 'PUT',
          json: { enabled, email },
        }),
      ),
    create: (admin: Admin, overrides: Record<string, unknown> = {}) =>
      call(admin.token, '/v1/admin/content', { method: 'POST', json: contentInput(overrides) }),
    draft: async (admin: Admin, overrides: Record<string, unknown> = {}) =>
      ok<ContentItem>(call(admin.token, '/v1/admin/content', { method: 'POST', json: contentInput(overrides) }), 201),
    submit: (admin: Admin, id: string, json: unknown = {}) =>
      call(admin.token, `/v1/admin/content/${id}/submit`, { method: 'POST', json }),
    publish: (admin: Admin, id: string, json: unknown = {}) =>
      call(admin.token, `/v1/admin/content/${id}/publish`, { method: 'POST', json }),
    reject: (admin: Admin, id: string, json: unknown) =>
      call(admin.token, `/v1/admin/content/${id}/reject`, { method: 'POST', json }),
    patch: (admin: Admin, id: string, json: unknown) =>
      call(admin.token, `/v1/admin/content/${id}`, { method: 'PATCH', json }),
    get: (admin: Admin, id: string) => ok<ContentItem>(call(admin.token, `/v1/admin/content/${id}`)),
    queue: (admin: Admin) => ok<ApprovalsQueue>(call(admin.token, '/v1/admin/approvals')),
    notifications: (admin: Admin) => ok<AdminNotifications>(call(admin.token, '/v1/admin/notifications')),
  };
}
