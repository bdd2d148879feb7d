/** Reading the audit log: filters, newest-first paging by cursor, the CSV and JSON exports (formula-safe), bad queries, who may read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../lib/audit';
import { recordAudit } from '../../server/services/audit';
import { expectProblem } from '../helpers/api';
import { auditPage } from '../helpers/audit';
import { startTestServer, type TestServer } from '../helpers/server';

describe('reading the audit log', () => {
  let server: TestServer;
  let admin: string;
  let editor: { token: string; id: string; email: string };
  const T = Date.parse('2026-03-01T12:00:00Z');

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    editor = await server.adminAs('editor', 'Eddie@Relay.test');
    const db = server.deps.db;
    // 30 entries an hour apart by the editor, then a formula in a label, then a system entry.
    for (let i = 0; i < 30; i++) {
      await recordAudit(
        db,
        {
          actor: { type: 'admin', id: editor.id, label: editor.email },
          action: i % 2 ? 'content.edit' : 'content.create',
          target: { type: 'content', id: `c${i}`, label: `Post ${i}` },
          change: { after: { title: `Post ${i}` } },
        },
        T + i * 3_600_000,
      );
    }
    await recordAudit(
      db,
      {
        actor: { type: 'admin', id: editor.id, label: editor.email },
        action: 'content.create',
        target: { type: 'content', id: 'evil', label: '=HYPERLINK("http://x.test","click")' },
        change: { after: { title: '+SUM(A1)' } },
      },
      T + 31 * 3_600_000,
    );
    await recordAudit(
      db,
      { actor: { type: 'system', id: null, label: 'retention' }, action: 'audit.purge' },
      T + 32 * 3_600_000,
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const window = { from: new Date(T).toISOString(), to: new Date(T + 40 * 3_600_000).toISOString() };

  it('pages newest first with an opaque cursor, every entry once', async () => {
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page = await auditPage(server, q({ ...window, limit: '7', ...(cursor ? { cursor } : {}) }));
      expect(page.entries.length).toBeLessThanOrEqual(7);
      seen.push(...page.entries);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(32);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(32);
    const times = seen.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(seen[0]).toMatchObject({ action: 'audit.purge', actor: { type: 'system', id: null }, target: null });
  });

  it('filters by time, actor (id or email, any case), action, action group and target', async () => {
    const between = await auditPage(
      server,
      q({ from: new Date(T + 10 * 3_600_000).toISOString(), to: new Date(T + 12 * 3_600_000).toISOString() }),
    );
    expect(between.entries.map((entry) => entry.target?.id)).toEqual(['c11', 'c10']);
    const byEmail = await auditPage(server, q({ ...window, actor: 'eddie@relay.TEST', limit: '200' }));
    expect(byEmail.entries).toHaveLength(31);
    const byId = await auditPage(server, q({ ...window, actor: editor.id, limit: '200' }));
    expect(byId.entries).toHaveLength(31);
    const edits = await auditPage(server, q({ ...window, action: 'content.edit', limit: '200' }));
    expect(edits.entries).toHaveLength(15);
    expect(edits.entries.every((entry) => entry.action === 'content.edit')).toBe(true);
    const group = await auditPage(server, q({ ...window, action: 'content.', limit: '200' }));
    expect(group.entries).toHaveLength(31);
    // A group needs its dot: "content" alone is an exact action, which nothing has.
    expect((await auditPage(server, q({ ...window, action: 'content' }))).entries).toHaveLength(0);
    const target = await auditPage(server, q({ target: 'c7' }));
    expect(target.entries.map((entry) => entry.change)).toEqual([{ after: { title: 'Post 7' } }]);
  });

  it('refuses a bad query with 400 malformed-query', async () => {
    for (const query of [
      'from=yesterday',
      'limit=0',
      'limit=1000',
      'action=content.%25',
      'cursor=bm9wZQ',
      'sort=asc',
    ]) {
      await expectProblem(await server.call(`/v1/admin/audit?${query}`, { token: admin }), 400, 'malformed-query');
    }
  });

  it('exports every matching entry as CSV, formula cells neutralised', async () => {
    const response = await server.call(`/v1/admin/audit/export?${q({ ...window, format: 'csv' })}`, { token: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="relay-audit-.*\.csv"$/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,actorType,actorId,actorLabel,action,targetType,targetId,targetLabel,change');
    expect(lines).toHaveLength(33);
    const evil = lines.find((line) => line.includes(',evil,'))!;
    expect(evil).toContain(`"'=HYPERLINK(""http://x.test"",""click"")"`);
    expect(evil).not.toMatch(/,=|,\+/);
  });

  it('exports as a JSON array, more than one batch, with the same filters', async () => {
    const db = server.deps.db;
    for (let i = 0; i < 520; i++) {
      await recordAudit(
        db,
        { actor: { type: 'cli', id: null, label: 'relay cli' }, action: 'bulk.test', target: null, change: { i } },
        T + 50 * 3_600_000 + i,
      );
    }
    const response = await server.call('/v1/admin/audit/export?format=json&action=bulk.test', { token: admin });
    expect(response.headers.get('content-disposition')).toMatch(/\.json"$/);
    const entries = (await response.json()) as AuditEntry[];
    expect(entries).toHaveLength(520);
    expect(entries[0]!.change).toEqual({ i: 519 });
    expect(entries[519]!.change).toEqual({ i: 0 });
    const none = await server.call('/v1/admin/audit/export?format=json&action=nothing.here', { token: admin });
    expect(await none.json()).toEqual([]);
  });

  it('is for admins with audit.read: an editor is refused', async () => {
    await expectProblem(await server.call('/v1/admin/audit', { token: editor.token }), 403, 'forbidden-role');
    await expectProblem(await server.call('/v1/admin/audit/export?format=csv', { token: editor.token }), 403);
  });
});
