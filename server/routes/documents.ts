/** GET/PUT of the guidelines, the scoring rules, the organisation and the selector overrides; a change reaches every extension on its next sync. */
import type { Deps } from '../context';
import { DOCUMENTS, readDocuments, writeDocument, type DocumentName } from '../services/documents';
import { changedFields } from '../services/audit-content';
import { defineRoute, type Route } from './define';

const SUMMARIES: Record<DocumentName, string> = {
  guidelines: 'Posting guidelines: disclosure, banned terms, hashtag and daily caps, company names',
  scoring: 'Scoring rules: points per network, bonuses, caps and levels',
  organization: "The organisation's name and logo, as the extension's setup, the popup and the console show them",
  selectors:
    "Selector overrides per composer site (linkedin, x): CSS selectors by key of the extension's selector table, for a site whose markup changed",
  approvals:
    'Approvals: whether every post needs approval by someone else, and whether notifications are also e-mailed',
};

/** A document's path under /v1/admin: its name unless it declares one. */
const pathOf = (name: DocumentName): string => {
  const document = DOCUMENTS[name];
  return 'path' in document ? document.path : name;
};

export function documentRoutes(deps: Deps): Route[] {
  return (Object.keys(DOCUMENTS) as DocumentName[]).flatMap((name) => {
    const schema = DOCUMENTS[name].schema;
    return [
      defineRoute({
        method: 'get',
        path: `/v1/admin/${pathOf(name)}`,
        summary: SUMMARIES[name],
        tag: 'documents',
        auth: 'admin',
        permission: 'settings.read',
        responses: { 200: { description: 'The current document', schema } },
        handler: async (c) => c.json((await readDocuments(deps.db))[name]),
      }),
      defineRoute({
        method: 'put',
        path: `/v1/admin/${pathOf(name)}`,
        summary: `Replace: ${SUMMARIES[name]}`,
        tag: 'documents',
        auth: 'admin',
        permission: 'settings.manage',
        audit: { action: `${name}.update`, target: 'document' },
        body: schema,
        responses: {
          200: { description: 'Stored', schema },
          400: { description: 'Malformed JSON' },
          422: { description: 'Invalid document' },
        },
        handler: async (c, { body }) => {
          const before = (await readDocuments(deps.db))[name];
          const seq = await writeDocument(deps.db, name, body as never, deps.now());
          c.set('audit', { target: { type: 'document', id: name }, change: changedFields(before, body as never) });
          deps.changes.changed(seq);
          // New scoring rules or daily cap (guidelines): every advocate's stored points are recomputed in the background.
          if (name === 'scoring' || name === 'guidelines') void deps.scores.rescoreStale();
          return c.json(body);
        },
      }),
    ];
  });
}
