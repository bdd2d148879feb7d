/** The organisation form's draft: its name and logo address as typed, to and from the Organization document. */
import type { Organization } from '../../../../lib/schemas';

export const FORM = 'organization';

export interface OrganizationDraft {
  name: string;
  logoUrl: string;
}

export const draftFrom = (organization: Organization): OrganizationDraft => ({
  name: organization.name,
  logoUrl: organization.logoUrl ?? '',
});

export const candidate = (draft: OrganizationDraft): Record<string, unknown> => ({
  name: draft.name,
  logoUrl: draft.logoUrl.trim() || null,
});

const NAMES: Record<string, string> = { name: 'Name', logoUrl: 'Logo' };

export const labelFor = (path: string): string => NAMES[path.split('.')[0] ?? ''] ?? 'Organisation';

/** "NR" for "Northwind Robotics": what stands in for a missing logo. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');
}
