/** verifyPassword: a stored value that is no scrypt hash costs the same scrypt as a wrong password. */
import * as nodeCrypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './crypto';

// The real scrypt, watched: which salt and parameters each call used.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});
const scrypt = vi.mocked(nodeCrypto.scrypt);

const dummySalt = Buffer.from(DUMMY_PASSWORD_HASH.split('$')[4]!, 'base64url');
const saltsUsed = () => scrypt.mock.calls.map((call) => Buffer.from(call[1] as Buffer).toString('hex'));

describe('verifyPassword', () => {
  beforeEach(() => {
    scrypt.mockClear();
  });

  it('checks a real hash: true for its password, false for another', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('wrong horse', stored)).toBe(false);
  });

  it.each([
    ['an empty hash (an admin who signs in only with SSO)', ''],
    ['something else', 'bcrypt$whatever'],
    ['an scrypt hash without salt or key', 'scrypt$16384$8$1$$'],
  ])('runs scrypt on the dummy hash for %s, and is false', async (_, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
    expect(scrypt).toHaveBeenCalledTimes(1);
    expect(saltsUsed()).toEqual([dummySalt.toString('hex')]);
    expect(scrypt.mock.calls[0]![3]).toMatchObject({ N: 16384, r: 8, p: 1 });
  });

  it('does the same scrypt work for an unknown account (the dummy hash) as for an SSO-only admin', async () => {
    expect(await verifyPassword('anything', DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword('anything', '')).toBe(false);
    expect(scrypt).toHaveBeenCalledTimes(2);
    expect(saltsUsed()).toEqual([dummySalt.toString('hex'), dummySalt.toString('hex')]);
  });
});
