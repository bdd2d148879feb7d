/** Shared by the guideline checker's tests: guidelines to check against and helpers to read hints. */
import { checkPost, type CheckContext, type Hint, type HintKind } from '.';
import type { Guidelines, Network } from '../schemas';

export const EMPLOYEE: Guidelines = { bannedTerms: [], disclosure: { text: '#employee', networks: ['linkedin', 'x'] } };

export const FULL: Guidelines = {
  disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
  bannedTerms: [
    { pattern: 'free money', reason: 'we never promise returns' },
    { pattern: 'confidential', reason: 'internal information stays internal' },
    { pattern: String.raw`\bguarantee(?:d|s)?\b`, regex: true, reason: 'no guarantees' },
  ],
  maxHashtags: 3,
  dailyShareCap: 5,
  companyNames: ['Acme'],
};

export function check(text: string, context: Partial<CheckContext> & { guidelines: Guidelines }): Hint[] {
  return checkPost(text, { network: 'linkedin', ...context });
}

export function kinds(hints: Hint[]): HintKind[] {
  return hints.map((hint) => hint.kind);
}

export function only(hints: Hint[], kind: HintKind): Hint[] {
  return hints.filter((hint) => hint.kind === kind);
}

export function terms(...list: (string | [string, boolean])[]): Guidelines {
  return {
    bannedTerms: list.map((entry, i) =>
      typeof entry === 'string'
        ? { pattern: entry, reason: `reason ${i}` }
        : { pattern: entry[0], regex: entry[1], reason: `reason ${i}` },
    ),
  };
}

/** The banned-term hints' matched texts. */
export function matched(text: string, guidelines: Guidelines, network: Network = 'linkedin'): string[] {
  return only(checkPost(text, { network, guidelines }), 'banned-term').map((hint) =>
    text.slice(hint.range?.start, hint.range?.end),
  );
}
