/** The guidelines, scoring and organisation documents: stored JSON, validated on the way in and out. */
import type { Kysely } from 'kysely';
import {
  DEFAULT_GUIDELINES,
  DEFAULT_ORGANIZATION,
  DEFAULT_SCORING,
  guidelinesSchema,
  organizationSchema,
  scoringRulesSchema,
  type Guidelines,
  type Organization,
  type ScoringRules,
} from '../../lib/schemas';
import type { Database } from '../db/schema';
import { nextSeq } from './changes-counter';

export const DOCUMENTS = {
  guidelines: { schema: guidelinesSchema, fallback: DEFAULT_GUIDELINES },
  scoring: { schema: scoringRulesSchema, fallback: DEFAULT_SCORING },
  organization: { schema: organizationSchema, fallback: DEFAULT_ORGANIZATION },
} as const;
export type DocumentName = keyof typeof DOCUMENTS;
export interface DocumentBodies {
  guidelines: Guidelines;
  scoring: ScoringRules;
  organization: Organization;
}

export async function readDocuments(db: Kysely<Database>): Promise<DocumentBodies> {
  const rows = await db.selectFrom('documents').select(['name', 'body']).execute();
  const found = new Map(rows.map((row) => [row.name, row.body]));
  const read = <N extends DocumentName>(name: N): DocumentBodies[N] => {
    const body = found.get(name);
    if (body === undefined) return DOCUMENTS[name].fallback as DocumentBodies[N];
    const parsed = DOCUMENTS[name].schema.safeParse(JSON.parse(body));
    // A stored document that no longer validates (a schema tightened since) falls back to defaults.
    return (parsed.success ? parsed.data : DOCUMENTS[name].fallback) as DocumentBodies[N];
  };
  return { guidelines: read('guidelines'), scoring: read('scoring'), organization: read('organization') };
}

export async function writeDocument<N extends DocumentName>(
  db: Kysely<Database>,
  name: N,
  body: DocumentBodies[N],
  now: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const seq = await nextSeq(trx);
    const values = { name, body: JSON.stringify(body), seq, updated_at: now };
    await trx
      .insertInto('documents')
      .values(values)
      .onConflict((oc) => oc.column('name').doUpdateSet({ body: values.body, seq, updated_at: now }))
      .execute();
    return seq;
  });
}
