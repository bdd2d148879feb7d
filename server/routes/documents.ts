/** GET/PUT of the guidelines and the scoring rules; a change reaches every extension on its next sync. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../context';
import { requireAdmin } from '../middleware/auth';
import type { ApiRegistry } from '../openapi/registry';
import { DOCUMENTS, readDocuments, writeDocument, type DocumentName } from '../services/documents';
import { readJson } from '../validate';

const SUMMARIES: Record<DocumentName, string> = {
  guidelines: 'Posting guidelines: disclosure, banned terms, hashtag and daily caps, company names',
  scoring: 'Scoring rules: points per network, bonuses, caps and levels',
};

export function documentRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requireAdmin(deps));
  for (const name of Object.keys(DOCUMENTS) as DocumentName[]) {
    const schema = DOCUMENTS[name].schema;
    api.add({
      method: 'get',
      path: `/v1/admin/${name}`,
      summary: SUMMARIES[name],
      tag: 'documents',
      auth: 'admin',
      responses: { 200: { description: 'The current document', schema } },
    });
    app.get(`/${name}`, async (c) => c.json((await readDocuments(deps.db))[name]));

    api.add({
      method: 'put',
      path: `/v1/admin/${name}`,
      summary: `Replace: ${SUMMARIES[name]}`,
      tag: 'documents',
      auth: 'admin',
      body: schema,
      responses: {
        200: { description: 'Stored', schema },
        400: { description: 'Malformed JSON' },
        422: { description: 'Invalid document' },
      },
    });
    app.put(`/${name}`, async (c) => {
      const body = await readJson(c, schema);
      const seq = await writeDocument(deps.db, name, body as never, deps.now());
      deps.changes.changed(seq);
      // New scoring rules: every advocate's stored points are recomputed in the background.
      if (name === 'scoring') void deps.scores.rescoreStale();
      return c.json(body);
    });
  }
  return app;
}
