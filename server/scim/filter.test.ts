/** SCIM filters on Relay's resources: case-insensitive where RFC 7643 says so, enterprise attributes by URN. */
import SCIMMY from 'scimmy';
import { describe, expect, it } from 'vitest';
import { applyFilter, equalityOf } from './filter';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ada = {
  id: 'Ada1',
  externalId: 'ExT-1',
  userName: 'Ada@Contoso.com',
  active: true,
  emails: [{ value: 'Ada@Contoso.com', type: 'work', primary: true }],
  [ENTERPRISE]: { department: 'Engineering' },
};
const grace = { id: 'grace2', userName: 'grace@contoso.com', active: false };
const users = [ada, grace];
const matching = (filter: string) => applyFilter(new SCIMMY.Types.Filter(filter), users).map((user) => user.id);

describe('applyFilter', () => {
  it('compares userName, emails and departments case-insensitively', () => {
    expect(matching('userName eq "ada@contoso.com"')).toEqual(['Ada1']);
    expect(matching('emails[type eq "WORK"].value eq "ADA@contoso.COM"')).toEqual(['Ada1']);
    expect(matching(`${ENTERPRISE}:department eq "engineering"`)).toEqual(['Ada1']);
    expect(matching('userName sw "GRACE"')).toEqual(['grace2']);
  });

  it('compares id and externalId exactly', () => {
    expect(matching('externalId eq "ExT-1"')).toEqual(['Ada1']);
    expect(matching('externalId eq "ext-1"')).toEqual([]);
    expect(matching('id eq "ada1"')).toEqual([]);
  });

  it('handles booleans, presence, and and or, and keeps the given order', () => {
    expect(matching('active eq false')).toEqual(['grace2']);
    expect(matching('externalId pr')).toEqual(['Ada1']);
    expect(matching('userName eq "grace@contoso.com" or userName eq "ada@contoso.com"')).toEqual(['Ada1', 'grace2']);
    expect(matching('userName co "contoso" and active eq true')).toEqual(['Ada1']);
  });

  it('returns everything without a filter', () => {
    expect(applyFilter(undefined, users)).toBe(users);
  });
});

describe('equalityOf', () => {
  it('finds the indexed lookups IdPs make, and nothing else', () => {
    expect(equalityOf(new SCIMMY.Types.Filter('userName eq "Ada@Contoso.com"'))).toEqual({
      attribute: 'username',
      value: 'Ada@Contoso.com',
    });
    expect(equalityOf(new SCIMMY.Types.Filter('displayName eq "Sales"'))).toEqual({
      attribute: 'displayname',
      value: 'Sales',
    });
    for (const filter of [
      'userName eq "a" or userName eq "b"',
      'userName co "a"',
      'active eq true',
      'userName eq "a" and active eq true',
    ]) {
      expect(equalityOf(new SCIMMY.Types.Filter(filter)), filter).toBeUndefined();
    }
    expect(equalityOf(undefined)).toBeUndefined();
  });
});
