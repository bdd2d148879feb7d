/** The ingress normaliser: Entra ID's and Okta's request shapes, from their docs, as RFC 7644 expects them. */
import SCIMMY from 'scimmy';
import { describe, expect, it } from 'vitest';
import { booleanOf, normalisePatch, normaliseResource } from './normalise';
import { setUpScim } from './setup';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

describe('normalisePatch', () => {
  it('makes Entra ID’s "False" and "True" strings booleans, and its capitalised ops lower case', () => {
    expect(normalisePatch(patch({ op: 'Replace', path: 'active', value: 'False' }))).toEqual(
      patch({ op: 'replace', path: 'active', value: false }),
    );
    expect(normalisePatch(patch({ op: 'Replace', path: 'active', value: 'True' }))).toEqual(
      patch({ op: 'replace', path: 'active', value: true }),
    );
    expect(normalisePatch(patch({ op: 'Add', value: { active: 'false', displayName: 'Ada' } }))).toEqual(
      patch({ op: 'add', value: { active: false, displayName: 'Ada' } }),
    );
  });

  it('leaves what is already right as it is: Okta’s path-less deactivation, members, other strings', () => {
    const okta = patch({ op: 'replace', value: { active: false } });
    expect(normalisePatch(okta)).toEqual(okta);
    const members = patch(
      { op: 'remove', path: 'members[value eq "89bb1940"]' },
      { op: 'add', path: 'members', value: [{ value: '23a35c27', display: 'test.user@okta.local' }] },
    );
    expect(normalisePatch(members)).toEqual(members);
    // "False" is a boolean only where the attribute is one.
    expect(normalisePatch(patch({ op: 'replace', path: 'displayName', value: 'False' }))).toEqual(
      patch({ op: 'replace', path: 'displayName', value: 'False' }),
    );
  });

  it('turns Entra ID’s work email path into the one email Relay keeps, and drops other types', () => {
    expect(
      normalisePatch(patch({ op: 'Replace', path: 'emails[type eq "work"].value', value: 'new@contoso.com' })),
    ).toEqual(
      patch({ op: 'replace', path: 'emails', value: [{ value: 'new@contoso.com', type: 'work', primary: true }] }),
    );
    expect(normalisePatch(patch({ op: 'Remove', path: 'emails[type eq "work"].value' }))).toEqual(
      patch({ op: 'remove', path: 'emails' }),
    );
    expect(normalisePatch(patch({ op: 'Add', path: 'emails[type eq "other"].value', value: 'x@y' }))).toEqual(patch());
    // The same path as a key of a path-less value map.
    expect(
      normalisePatch(
        patch({ op: 'Replace', value: { 'name.givenName': 'Ada', 'emails[type eq "work"].value': 'ada@contoso.com' } }),
      ),
    ).toEqual(
      patch(
        { op: 'replace', value: { 'name.givenName': 'Ada' } },
        { op: 'replace', path: 'emails', value: [{ value: 'ada@contoso.com', type: 'work', primary: true }] },
      ),
    );
  });

  it('passes what is not a PatchOp message through for scimmy to refuse', () => {
    for (const odd of [null, 'text', [], { schemas: [PATCH_OP] }, { Operations: 'none' }]) {
      expect(normalisePatch(odd)).toEqual(odd);
    }
    expect(normalisePatch(patch(42))).toEqual(patch(42));
  });

  it('gives scimmy messages it applies: the normalised Entra ID requests patch a user as meant', async () => {
    setUpScim();
    const user = new SCIMMY.Schemas.User(
      {
        id: 'u1',
        userName: 'ada@contoso.com',
        active: true,
        name: { givenName: 'Ada', familyName: 'Lovelace' },
        [ENTERPRISE]: { department: 'Engineering' },
      },
      'out',
    );
    const message = new SCIMMY.Messages.PatchOp(
      normalisePatch(
        patch(
          { op: 'Replace', path: 'active', value: 'False' },
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ada@contoso.com' },
          { op: 'Replace', value: { 'name.familyName': 'King', [`${ENTERPRISE}:department`]: 'Research' } },
        ),
      ) as never,
    );
    const patched = (await message.apply(user)) as unknown as Record<string, unknown>;
    expect(patched).toMatchObject({
      active: false,
      emails: [{ value: 'ada@contoso.com', type: 'work', primary: true }],
      name: { givenName: 'Ada', familyName: 'King' },
      [ENTERPRISE]: { department: 'Research' },
    });
  });
});

describe('normaliseResource and booleanOf', () => {
  it('makes string booleans booleans in a POST or PUT body, and nothing else', () => {
    expect(normaliseResource({ userName: 'a', active: 'True' })).toEqual({ userName: 'a', active: true });
    expect(normaliseResource({ userName: 'True' })).toEqual({ userName: 'True' });
    expect(normaliseResource('x')).toBe('x');
    expect([booleanOf(' FALSE '), booleanOf('true'), booleanOf('yes'), booleanOf(0)]).toEqual([false, true, 'yes', 0]);
  });
});
