/** Telling apart advocates who share a name: by email, else team, else the day they joined. */
import { formatDate } from './time';
import type { AdvocateRow } from './types';

/** Names held by more than one of these advocates. */
export function sharedNames(advocates: readonly { name: string }[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { name } of advocates) (seen.has(name) ? shared : seen).add(name);
  return shared;
}

/** What tells this advocate from a namesake: their email, their team, or when they joined. */
export function tellApart(advocate: AdvocateRow): string {
  return advocate.email || advocate.team || `joined ${formatDate(advocate.createdAt)}`;
}
