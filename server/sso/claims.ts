/** Who signed in, read from the identity provider's claims as RELAY_OIDC_*_CLAIM say. */
import { normalizeLanguageTag } from '../../lib/languages';
import { cleanDisplayName } from '../../lib/text';
import type { SsoConfig } from '../config';

/** The most groups read from one sign-in (an IdP listing more is cut, in its order). */
export const MAX_GROUPS = 200;

export interface Identity {
  /** The IdP's `sub`. */
  subject: string;
  /** Cleaned as names typed at enrolment are (controls and invisible characters out), at most 80 characters. */
  name?: string;
  email?: string;
  /**
   * False when the provider says `email_verified: false` (a boolean, or the string some providers
   * send): the email is kept on the advocate, but nobody is linked by it. True when it says true or
   * nothing (Entra ID sends no such claim; its emails are the directory's).
   */
  emailVerified: boolean;
  /** The groups claim: an array of names or ids, or a single one. */
  groups: string[];
  /** RELAY_OIDC_TEAM_CLAIM's value, at most 60 characters; undefined when unset or absent. */
  team?: string;
  /** The standard `locale` claim as a language tag ("de-DE", "de_DE" → "de-DE"); undefined when absent or not a tag. */
  locale?: string;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanDisplayName(value).slice(0, max).trim();
  return cleaned === '' ? undefined : cleaned;
}

function groupsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const groups = new Set<string>();
  for (const entry of list) {
    const group = text(entry, 255);
    if (group !== undefined) groups.add(group);
    if (groups.size === MAX_GROUPS) break;
  }
  return [...groups];
}

function emailOf(value: unknown): string | undefined {
  const email = text(value, 254);
  return email !== undefined && /^[^\s@]+@[^\s@]+$/.test(email) ? email : undefined;
}

/** The identity in `claims` (the ID token's, merged with the userinfo answer's). */
export function identityOf(claims: Record<string, unknown>, mapping: SsoConfig['claims']): Identity {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') throw new Error('the ID token has no subject');
  return {
    subject,
    name: text(claims[mapping.name], 80),
    email: emailOf(claims[mapping.email]),
    emailVerified: !(claims.email_verified === false || claims.email_verified === 'false'),
    groups: groupsOf(claims[mapping.groups]),
    team: mapping.team === undefined ? undefined : text(claims[mapping.team], 60),
    locale: normalizeLanguageTag(claims.locale),
  };
}

/** Whether `claims` lack something the mapping reads (then the userinfo endpoint is asked too). */
export function missingClaims(claims: Record<string, unknown>, mapping: SsoConfig['claims']): boolean {
  const names = [mapping.name, mapping.email, mapping.groups, mapping.team].filter((name) => name !== undefined);
  return names.some((name) => claims[name] === undefined);
}
