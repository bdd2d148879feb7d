/** The invite form's draft: who the code is for (one person, the whole company, or custom limits) and what it sends. */
import { localToIso } from '../../time';
import { numberOrUndefined } from '../../forms';

export type Audience = 'person' | 'company' | 'custom';
/** A company code's lifetime: days, or never. */
export type CompanyExpiry = '30' | '90' | 'never';

export interface Draft {
  audience: Audience;
  companyExpiry: CompanyExpiry;
  /** Custom limits: most uses ('' = no limit) and an exact expiry ('' = the server's default). */
  maxUses: string;
  expiresAt: string;
  never: boolean;
}

export const EMPTY: Draft = { audience: 'person', companyExpiry: '90', maxUses: '', expiresAt: '', never: false };

const DAY_MS = 86_400_000;

/**
 * The draft as the POST body: one person is one use (expiring as the server's default says); a
 * company code has no use limit and its chosen lifetime; custom sends what was typed (empty expiry:
 * the server's default; "Never expires": null).
 */
export function candidate(draft: Draft, now = Date.now()): Record<string, unknown> {
  switch (draft.audience) {
    case 'person':
      return { maxUses: 1 };
    case 'company':
      return draft.companyExpiry === 'never'
        ? { expiresAt: null }
        : { expiresAt: new Date(now + Number(draft.companyExpiry) * DAY_MS).toISOString() };
    case 'custom': {
      const body: Record<string, unknown> = {};
      const uses = numberOrUndefined(draft.maxUses);
      if (uses !== undefined) body.maxUses = uses;
      if (draft.never) body.expiresAt = null;
      else if (draft.expiresAt) body.expiresAt = localToIso(draft.expiresAt) ?? draft.expiresAt;
      return body;
    }
  }
}

/** After a code is made the form starts again, on the same kind of code. */
export function nextDraft(draft: Draft): Draft {
  return { ...EMPTY, audience: draft.audience, companyExpiry: draft.companyExpiry };
}

export const labelFor = (path: string) =>
  path === 'maxUses' ? 'Most uses' : path === 'expiresAt' ? 'Expires at' : 'Invite';

/** A code with no use limit is a company code: anyone who has it can join. */
export function isCompanyCode(invite: { maxUses: number | null }): boolean {
  return invite.maxUses === null;
}
