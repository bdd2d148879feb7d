/** The guidelines, scoring, organisation and selector-override documents: stored JSON, validated on the way in and out. */
import type { Kysely } from 'kysely';
import {
  approvalSettingsSchema,
  DEFAULT_APPROVAL_SETTINGS,
  type ApprovalSettings,
  DEFAULT_GUIDELINES,
  DEFAULT_ORGANIZATION,
  DEFAULT_SCORING,
  guidelinesSchema,
  organizationSchema,
  scoringRulesSchema,
  DEFAULT_SELECTOR_OVERRIDES,
  selectorOverridesSchema,
  withoutRetiredScoringFields,
  type Guidelines,
  type Organization,
  type ScoringRules,
  type SelectorOverrides,
} from '../../lib/schemas';
import { withDailyCap, type RulesForScoring } from '../../lib/scoring';
import type { Database } from '../db/schema';
import { nextSeq } from './changes-counter';

/** Each document: its schema, what stands in until one is stored, and how a stored one from an older version is read. */
export const DOCUMENTS = {
  guidelines: { schema: guidelinesSchema, fallback: DEFAULT_GUIDELINES, upgrade: (stored: unknown) => stored },
  // Scoring documents stored before the one daily cap still hold dailyPointsCap: it is dropped, the rest kept.
  scoring: { schema: scoringRulesSchema, fallback: DEFAULT_SCORING, upgrade: withoutRetiredScoringFields },
  organization: { schema: organizationSchema, fallback: DEFAULT_ORGANIZATION, upgrade: (stored: unknown) => stored },
  // Selector overrides per composer site (lib/schemas/selectors.ts): sync carries them to every extension.
  selectors: {
    schema: selectorOverridesSchema,
    fallback: DEFAULT_SELECTOR_OVERRIDES,
    upgrade: (stored: unknown) => stored,
  },
  // Approvals (services/approvals.ts): off until the owner turns them on. Its routes are under
  // /v1/admin/settings/approvals, as /v1/admin/approvals is the approval queue.
  approvals: {
    schema: approvalSettingsSchema,
    fallback: DEFAULT_APPROVAL_SETTINGS,
    upgrade: (stored: unknown) => stored,
    path: 'settings/approvals',
  },
} as const;
export type DocumentName = keyof typeof DOCUMENTS;
export interface DocumentBodies {
  guidelines: Guidelines;
  scoring: ScoringRules;
  organization: Organization;
  selectors: SelectorOverrides;
  approvals: ApprovalSettings;
}

/** A stored body as its document: upgraded from an older version, else the fallback (none stored, or no longer valid). */
function parseDocument<N extends DocumentName>(name: N, body: string | undefined): DocumentBodies[N] {
  if (body === undefined) return DOCUMENTS[name].fallback as DocumentBodies[N];
  const parsed = DOCUMENTS[name].schema.safeParse(DOCUMENTS[name].upgrade(JSON.parse(body)));
  // A stored document that no longer validates (a schema tightened since) falls back to defaults.
  return (parsed.success ? parsed.data : DOCUMENTS[name].fallback) as DocumentBodies[N];
}

export async function readDocuments(db: Kysely<Database>): Promise<DocumentBodies> {
  const rows = await db.selectFrom('documents').select(['name', 'body']).execute();
  const found = new Map(rows.map((row) => [row.name, row.body]));
  const read = <N extends DocumentName>(name: N) => parseDocument(name, found.get(name));
  return {
    guidelines: read('guidelines'),
    scoring: read('scoring'),
    organization: read('organization'),
    selectors: read('selectors'),
    approvals: read('approvals'),
  };
}

/** One document alone, for a caller that needs no other (the public sign-in options read only the organisation). */
export async function readDocument<N extends DocumentName>(db: Kysely<Database>, name: N): Promise<DocumentBodies[N]> {
  const row = await db.selectFrom('documents').select('body').where('name', '=', name).executeTakeFirst();
  return parseDocument(name, row?.body);
}

/** The rules points are computed with: the scoring document with the guidelines' daily cap. */
export function scoringRulesOf(documents: Pick<DocumentBodies, 'guidelines' | 'scoring'>): RulesForScoring {
  return withDailyCap(documents.scoring, documents.guidelines);
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
