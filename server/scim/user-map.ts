/** An advocate as a SCIM User, and a SCIM User as the advocate's fields (one name, one email, a team). */
import { z } from 'zod';
import { acceptLanguage } from '../../lib/languages';
import { displayNameSchema, lineSchema } from '../../lib/text';
import { teamSchema } from '../../lib/schemas/me';
import { REGION_PATTERN } from '../../lib/audiences';
import { scimError } from './context';

export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The advocate columns SCIM reads. */
export const USER_COLUMNS = [
  'id',
  'name',
  'email',
  'user_name',
  'external_id',
  'team',
  'region',
  'access_ended',
  'created_at',
  'provisioned_at',
] as const;

export interface UserRow {
  id: string;
  name: string;
  email: string | null;
  user_name: string | null;
  external_id: string | null;
  team: string | null;
  region: string | null;
  access_ended: string | null;
  created_at: number;
  provisioned_at: number | null;
}

/** Access ended this way shows as active: false (signing out or an idle token does not). */
const INACTIVE = new Set(['deprovisioned', 'removed']);

export function isActive(row: Pick<UserRow, 'access_ended'>): boolean {
  return row.access_ended === null || !INACTIVE.has(row.access_ended);
}

/** "Ada King Lovelace" as givenName "Ada" and familyName "King Lovelace" (Relay stores one name). */
function splitName(name: string): { givenName?: string; familyName?: string } {
  const [given, ...rest] = name.trim().split(/\s+/);
  return rest.length ? { givenName: given, familyName: rest.join(' ') } : given ? { givenName: given } : {};
}

export function toScimUser(row: UserRow): Record<string, unknown> {
  return {
    id: row.id,
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    userName: row.user_name ?? row.id,
    name: { formatted: row.name, ...splitName(row.name) },
    displayName: row.name,
    active: isActive(row),
    ...(row.email !== null ? { emails: [{ value: row.email, type: 'work', primary: true }] } : {}),
    ...(row.team !== null ? { [ENTERPRISE]: { department: row.team } } : {}),
    ...(row.region !== null ? { addresses: [{ type: 'work', country: row.region, primary: true }] } : {}),
    meta: { created: new Date(row.created_at) },
  };
}

/** What a write sets: a field left undefined stays as it is. */
export interface UserFields {
  name?: string;
  userName?: string;
  email?: string | null;
  externalId?: string | null;
  team?: string | null;
  /** The work address's country (ISO 3166 code, as Okta and Entra send it): the advocate's region. */
  region?: string | null;
  active?: boolean;
  /** preferredLanguage, else locale, as a tag: the advocate's language from the company ('idp'). */
  language?: string;
}

const fieldSchemas = {
  name: displayNameSchema().min(1, 'a name is required').max(80),
  userName: lineSchema().trim().min(1, 'userName is required').max(254),
  email: lineSchema().trim().max(254).nullable(),
  externalId: lineSchema().max(255).nullable(),
  team: teamSchema.nullable(),
  region: z
    .string()
    .regex(REGION_PATTERN, 'addresses.country must be a country code such as "DE"')
    .transform((code) => code.toUpperCase())
    .nullable(),
};

function valid<K extends keyof typeof fieldSchemas>(key: K, value: unknown): z.output<(typeof fieldSchemas)[K]> {
  const parsed = fieldSchemas[key].safeParse(value);
  if (parsed.success) return parsed.data as z.output<(typeof fieldSchemas)[K]>;
  const message = parsed.error.issues[0]?.message ?? 'is not valid';
  const attribute = key === 'team' ? 'department' : key === 'region' ? 'addresses.country' : key;
  throw scimError(400, 'invalidValue', `${attribute}: ${message}`);
}

type Scim = Record<string, unknown>;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
const nameOf = (user: Scim): Scim => (user.name && typeof user.name === 'object' ? (user.name as Scim) : {});
const joined = (name: Scim) => text([text(name.givenName), text(name.familyName)].filter(Boolean).join(' '));

/** The candidate names of a representation, in the order Relay prefers them. */
function names(user: Scim): (string | undefined)[] {
  return [text(nameOf(user).formatted), text(user.displayName), joined(nameOf(user))];
}

function primaryEmail(user: Scim): string | null | undefined {
  if (!Array.isArray(user.emails)) return undefined;
  const emails = user.emails.filter((each): each is Scim => !!each && typeof each === 'object');
  const chosen = emails.find((each) => each.primary === true) ?? emails[0];
  return chosen ? (text(chosen.value) ?? null) : null;
}

/** SCIM's preferredLanguage ("de-DE", or Accept-Language's form "de, en;q=0.8"), else locale ("de_DE"). */
function languageOf(user: Scim): string | undefined {
  return acceptLanguage(text(user.preferredLanguage)) ?? acceptLanguage(text(user.locale));
}

function departmentOf(user: Scim): string | null | undefined {
  const extension = user[ENTERPRISE];
  if (!extension || typeof extension !== 'object') return undefined;
  return text((extension as Scim).department) ?? null;
}

/** The country of the work address (else the primary one, else the first): where the advocate works. */
function regionOf(user: Scim): string | null | undefined {
  if (!Array.isArray(user.addresses)) return undefined;
  const addresses = user.addresses.filter((each): each is Scim => !!each && typeof each === 'object');
  const chosen =
    addresses.find((each) => each.type === 'work') ?? addresses.find((each) => each.primary === true) ?? addresses[0];
  return chosen ? (text(chosen.country) ?? null) : null;
}

/** The fields a POST sets: everything it names, the name falling back to the userName. */
export function newUserFields(user: Scim): UserFields & { userName: string } {
  const userName = valid('userName', text(user.userName));
  return {
    userName,
    name: valid('name', names(user).find((candidate) => candidate !== undefined) ?? userName.slice(0, 80)),
    email: valid('email', primaryEmail(user) ?? null),
    externalId: valid('externalId', text(user.externalId) ?? null),
    team: valid('team', departmentOf(user) ?? null),
    region: valid('region', regionOf(user) ?? null),
    active: typeof user.active === 'boolean' ? user.active : true,
    ...(languageOf(user) !== undefined ? { language: languageOf(user) } : {}),
  };
}

/**
 * The fields an update sets. PUT: what it names (what it leaves out stays). PATCH: what its
 * operations changed in `before`, the representation they were applied to (scimmy hands over the
 * whole patched representation: an attribute missing from it was removed), so a PATCH writes
 * nothing it did not change; the name follows whichever of its sources changed.
 */
export function updatedUserFields(user: Scim, method: 'PUT' | 'PATCH', before: Scim): UserFields {
  const userName = valid('userName', text(user.userName));
  if (method === 'PUT') {
    const email = primaryEmail(user);
    const externalId = text(user.externalId);
    const team = departmentOf(user);
    const region = regionOf(user);
    const name = names(user).find((candidate) => candidate !== undefined);
    return {
      userName,
      ...(name !== undefined ? { name: valid('name', name) } : {}),
      ...(email !== undefined ? { email: valid('email', email) } : {}),
      ...(externalId !== undefined ? { externalId: valid('externalId', externalId) } : {}),
      ...(team !== undefined ? { team: valid('team', team) } : {}),
      ...(region !== undefined ? { region: valid('region', region) } : {}),
      ...(typeof user.active === 'boolean' ? { active: user.active } : {}),
      ...(languageOf(user) !== undefined ? { language: languageOf(user) } : {}),
    };
  }
  const fields: UserFields = {};
  if (userName !== text(before.userName)) fields.userName = userName;
  const then = names(before);
  const name = names(user).find((candidate, index) => candidate !== undefined && candidate !== then[index]);
  if (name !== undefined) fields.name = valid('name', name);
  const email = primaryEmail(user) ?? null;
  if (email !== (primaryEmail(before) ?? null)) fields.email = valid('email', email);
  const externalId = text(user.externalId) ?? null;
  if (externalId !== (text(before.externalId) ?? null)) fields.externalId = valid('externalId', externalId);
  const team = departmentOf(user) ?? null;
  if (team !== (departmentOf(before) ?? null)) fields.team = valid('team', team);
  const region = regionOf(user) ?? null;
  if (region !== (regionOf(before) ?? null)) fields.region = valid('region', region);
  if (typeof user.active === 'boolean' && user.active !== before.active) fields.active = user.active;
  const language = languageOf(user);
  if (language !== undefined && language !== languageOf(before)) fields.language = language;
  return fields;
}
