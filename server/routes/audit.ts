/** The audit log for admins with audit.read: read it filtered and paged, export it (CSV or JSON), and (owners) set its retention. */
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema, auditSettingsSchema } from '../../lib/audit';
import type { Deps } from '../context';
import { auditExportStream } from '../services/audit-export';
import { auditPage } from '../services/audit-read';
import { purgeAudit, readAuditSettings, writeAuditSettings } from '../services/audit-retention';
import { defineRoute, type Route } from './define';

export function auditRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/audit',
      summary:
        'The audit log, newest first: from/to (ISO times), actor (an admin id or email), action (exact, or a group ending with a dot such as content.), target (an id); limit and cursor page it',
      tag: 'audit',
      auth: 'admin',
      permission: 'audit.read',
      query: auditQuerySchema,
      responses: {
        200: { description: 'A page of entries', schema: auditPageSchema },
        400: { description: 'Malformed query (…/malformed-query), a bad cursor included' },
      },
      handler: async (c, { query }) => {
        c.header('cache-control', 'no-store');
        return c.json(await auditPage(deps.db, query));
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/audit/export',
      summary:
        'Every entry matching the same filters as GET /v1/admin/audit, as a download: format=csv (header row, formula-safe cells, change as JSON) or format=json (an array of entries)',
      tag: 'audit',
      auth: 'admin',
      permission: 'audit.read',
      query: auditExportQuerySchema,
      responses: {
        200: { description: 'text/csv or application/json, Content-Disposition: attachment' },
        400: { description: 'Malformed query' },
      },
      handler: (c, { query }) => {
        const day = new Date(deps.now()).toISOString().slice(0, 10);
        const csv = query.format === 'csv';
        return new Response(auditExportStream(deps.db, query), {
          headers: {
            'content-type': csv ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
            'content-disposition': `attachment; filename="relay-audit-${day}.${query.format}"`,
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          },
        });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/audit/settings',
      summary: 'How long audit entries are kept (retentionDays)',
      tag: 'audit',
      auth: 'admin',
      permission: 'audit.read',
      responses: { 200: { description: 'The settings', schema: auditSettingsSchema } },
      handler: async (c) => c.json(await readAuditSettings(deps.db, deps.config)),
    }),

    defineRoute({
      method: 'put',
      path: '/v1/admin/audit/settings',
      summary:
        'Owners: set how long audit entries are kept (365 to 7300 days); older entries are deleted at once and then every few hours',
      tag: 'audit',
      auth: 'admin',
      permission: 'settings.manage',
      audit: { action: 'audit.settings', target: 'document' },
      body: auditSettingsSchema,
      responses: {
        200: { description: 'Stored', schema: auditSettingsSchema },
        400: { description: 'Malformed JSON' },
        422: { description: 'retentionDays out of range' },
      },
      handler: async (c, { body }) => {
        const before = await readAuditSettings(deps.db, deps.config);
        await writeAuditSettings(deps.db, body, deps.now());
        c.set('audit', { target: { type: 'document', id: 'audit' }, change: { before, after: body } });
        await purgeAudit(deps);
        return c.json(body);
      },
    }),
  ];
}
