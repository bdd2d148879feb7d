/** The data-collection list: the manifest's categories are the ones the popup discloses, each a Firefox category, each explained. */
import { describe, expect, it } from 'vitest';
import {
  DATA_RELAY_DOES_NOT_SEND,
  DATA_RELAY_MAY_SEND,
  DATA_RELAY_SENDS,
  FIREFOX_PERSONAL_DATA,
  firefoxDataCollectionPermissions,
} from './data-collection';

describe('firefoxDataCollectionPermissions', () => {
  it('requires exactly the categories the popup discloses, in the same order', () => {
    expect(firefoxDataCollectionPermissions()).toEqual({
      required: DATA_RELAY_SENDS.map((sent) => sent.category),
      optional: DATA_RELAY_MAY_SEND.map((sent) => sent.category),
    });
  });

  it('declares the integration health counts as optional technical data (the only way Firefox allows it)', () => {
    expect(firefoxDataCollectionPermissions().optional).toEqual(['technicalAndInteraction']);
    expect(DATA_RELAY_MAY_SEND[0]?.disclosure).toMatch(/Never text/);
  });

  it('does not claim that nothing is collected', () => {
    expect(firefoxDataCollectionPermissions().required).not.toContain('none');
    expect(firefoxDataCollectionPermissions().required.length).toBeGreaterThan(0);
  });

  it('declares the name and e-mail, the sign-in, and the share events', () => {
    expect(firefoxDataCollectionPermissions().required).toEqual(
      expect.arrayContaining(['personallyIdentifyingInfo', 'authenticationInfo', 'websiteActivity']),
    );
  });
});

describe('the list', () => {
  const sent = DATA_RELAY_SENDS.map((entry) => entry.category);
  const notSent = DATA_RELAY_DOES_NOT_SEND.map((entry) => entry.category);

  it('names only Firefox categories, each once, none both sent and not sent', () => {
    for (const category of [...sent, ...notSent]) expect(FIREFOX_PERSONAL_DATA).toContain(category);
    expect(new Set(sent).size).toBe(sent.length);
    expect(new Set(notSent).size).toBe(notSent.length);
    expect(sent.filter((category) => notSent.includes(category))).toEqual([]);
  });

  it('gives every category sent a sentence for the popup and a reason, and every one left out a reason', () => {
    for (const entry of DATA_RELAY_SENDS) {
      expect(entry.disclosure.trim().length, entry.category).toBeGreaterThan(20);
      expect(entry.reason.trim().length, entry.category).toBeGreaterThan(20);
    }
    for (const entry of DATA_RELAY_DOES_NOT_SEND)
      expect(entry.reason.trim().length, entry.category).toBeGreaterThan(20);
  });

  it('says in the popup that the words of a post are not sent, as the personalCommunications exclusion claims', () => {
    expect(notSent).toContain('personalCommunications');
    expect(DATA_RELAY_SENDS.find((entry) => entry.category === 'websiteActivity')?.disclosure).toMatch(
      /Not the words you wrote/,
    );
  });

  it('says in the popup that the work e-mail is kept, as personallyIdentifyingInfo declares', () => {
    expect(DATA_RELAY_SENDS.find((entry) => entry.category === 'personallyIdentifyingInfo')?.disclosure).toMatch(
      /e-mail/,
    );
  });
});
