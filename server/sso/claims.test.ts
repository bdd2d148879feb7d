/** The identity in a provider's claims, as RELAY_OIDC_*_CLAIM name them. */
import { describe, expect, it } from 'vitest';
import { identityOf, MAX_GROUPS, missingClaims } from './claims';

const MAPPING = { name: 'name', email: 'email', groups: 'groups', team: 'department' };

describe('identityOf', () => {
  it('reads the subject, name, email, groups and team', () => {
    expect(
      identityOf(
        { sub: 'u-1', name: 'Ada Lovelace', email: 'ada@example.com', groups: ['a', 'b'], department: 'R&D' },
        MAPPING,
      ),
    ).toEqual({
      subject: 'u-1',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      emailVerified: true,
      groups: ['a', 'b'],
      team: 'R&D',
    });
  });

  it('takes claims by the names configured (Entra ID: preferred_username for the email)', () => {
    const identity = identityOf(
      { sub: 'u-2', given_name: 'Grace', preferred_username: 'grace@example.com', roles: 'relay-admins' },
      { name: 'given_name', email: 'preferred_username', groups: 'roles' },
    );
    expect(identity).toEqual({
      subject: 'u-2',
      name: 'Grace',
      email: 'grace@example.com',
      emailVerified: true,
      groups: ['relay-admins'],
      team: undefined,
    });
  });

  it('cleans names as typed names are, caps lengths, and drops what is not text or an email', () => {
    const identity = identityOf(
      {
        sub: 'u-3',
        name: '\u202eAnn\u200b \u0007Lee ',
        email: 'not an email',
        groups: ['x', 42, null, 'x', ' ', 'y'],
        department: 'd'.repeat(100),
      },
      MAPPING,
    );
    expect(identity.name).toBe('Ann Lee');
    expect(identity.email).toBeUndefined();
    expect(identity.groups).toEqual(['x', 'y']);
    expect(identity.team).toBe('d'.repeat(60));
  });

  it('keeps at most MAX_GROUPS groups, in the order given', () => {
    const groups = Array.from({ length: MAX_GROUPS + 50 }, (_, i) => `g${i}`);
    expect(identityOf({ sub: 's', groups }, MAPPING).groups).toEqual(groups.slice(0, MAX_GROUPS));
  });

  it('says the email is not verified only when email_verified is false (or "false"), keeping the email', () => {
    for (const [verified, expected] of [
      [true, true],
      ['true', true],
      [undefined, true],
      [false, false],
      ['false', false],
    ] as const) {
      const identity = identityOf({ sub: 's', email: 'e@example.com', email_verified: verified }, MAPPING);
      expect(identity, String(verified)).toMatchObject({ email: 'e@example.com', emailVerified: expected });
    }
  });

  it('refuses claims without a subject', () => {
    expect(() => identityOf({ name: 'No One' }, MAPPING)).toThrow(/subject/);
  });
});

describe('missingClaims', () => {
  it('says whether a claim the mapping reads is absent (then userinfo is asked)', () => {
    expect(missingClaims({ name: 'a', email: 'b', groups: [], department: 'c' }, MAPPING)).toBe(false);
    expect(missingClaims({ name: 'a', email: 'b', department: 'c' }, MAPPING)).toBe(true);
    expect(
      missingClaims({ name: 'a', email: 'b', groups: [] }, { name: 'name', email: 'email', groups: 'groups' }),
    ).toBe(false);
  });
});
