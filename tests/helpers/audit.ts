/** Reading the audit log in tests, over HTTP as the console does. */
import { expect } from 'vitest';
import type { AuditEntry, AuditPage } from '../../lib/audit';
import type { TestServer } from './server';

/** GET /v1/admin/audit with this query (200 expected), as the first admin unless a token is given. */
export async function auditPage(server: TestServer, query = '', token?: string): Promise<AuditPage> {
  const response = await server.call(`/v1/admin/audit${query ? `?${query}` : ''}`, {
    token: token ?? (await server.adminToken()),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as AuditPage;
}

/** The newest entry of this action (one must exist). */
export async function latest(server: TestServer, action: string): Promise<AuditEntry> {
  const { entries } = await auditPage(server, `action=${encodeURIComponent(action)}&limit=1`);
  expect(entries, `an entry ${action}`).toHaveLength(1);
  return entries[0]!;
}
