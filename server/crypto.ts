/** Password hashing (scrypt), bearer tokens stored as SHA-256 hashes, and random identifiers. */
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keylen, { N, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** The parts of a stored `scrypt$N$r$p$salt$key`, or null when it is not one. */
function parseScryptHash(stored: string): ScryptHash | null {
  const [kind, n, r, p, salt, key, ...rest] = stored.split('$');
  const whole = (part: string | undefined) => /^[1-9][0-9]*$/.test(part ?? '');
  if (kind !== 'scrypt' || !whole(n) || !whole(r) || !whole(p) || !salt || !key || rest.length) return null;
  return {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
}

/**
 * Whether `password` matches the stored scrypt hash. A stored value that is no scrypt hash (''
 * for an admin who signs in only with the identity provider) still costs one scrypt, against
 * DUMMY_PASSWORD_HASH, and is false: its time tells it from no other wrong password.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseScryptHash(stored);
  const { N, r, p, salt, key } = parsed ?? parseScryptHash(DUMMY_PASSWORD_HASH)!;
  const actual = await scryptAsync(password, salt, N, r, p, key.length);
  return timingSafeEqual(actual, key) && parsed !== null;
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
export const DUMMY_PASSWORD_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export type TokenKind = 'admin' | 'advocate' | 'scim';
const TOKEN_PREFIX: Record<TokenKind, string> = { admin: 'rla_', advocate: 'rlv_', scim: 'rls_' };

export function newToken(kind: TokenKind): string {
  return TOKEN_PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function tokenKind(token: string): TokenKind | null {
  if (token.startsWith(TOKEN_PREFIX.admin)) return 'admin';
  if (token.startsWith(TOKEN_PREFIX.advocate)) return 'advocate';
  if (token.startsWith(TOKEN_PREFIX.scim)) return 'scim';
  return null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const ID_ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';

export function randomString(length: number, alphabet = ID_ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function newId(): string {
  return randomString(14);
}

/** Invite codes people can read out and type: no 0/O, 1/I/L confusion, grouped in fours. */
const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newInviteCode(): string {
  const raw = randomString(8, INVITE_ALPHABET);
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

export function normalizeInviteCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^(.{4})(.+)$/, '$1-$2');
}

/** What is stored of an invite code: the SHA-256 of its normalised form (like tokens). */
export function hashInviteCode(code: string): string {
  return hashToken(normalizeInviteCode(code));
}

/** An invite's non-secret hint: the code's first group, enough to tell invites apart in a list. */
export function inviteHint(code: string): string {
  return normalizeInviteCode(code).slice(0, 4);
}
