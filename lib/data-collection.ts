/**
 * What the extension sends out of the browser, in Firefox's data-collection categories: the one
 * list that both the Firefox manifest (browser_specific_settings.gecko.data_collection_permissions)
 * and the popup's "What Relay collects" follow.
 * Categories: https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
 */

/** Firefox's categories of personal data (the ones a manifest may list as required). */
export const FIREFOX_PERSONAL_DATA = [
  'personallyIdentifyingInfo',
  'healthInfo',
  'financialAndPaymentInfo',
  'authenticationInfo',
  'personalCommunications',
  'locationInfo',
  'browsingActivity',
  'websiteContent',
  'websiteActivity',
  'searchTerms',
  'bookmarksInfo',
] as const;
export type FirefoxPersonalData = (typeof FIREFOX_PERSONAL_DATA)[number];

/** A category Relay sends: the popup's sentence for it, and why it falls in that category. */
export interface SentData {
  category: FirefoxPersonalData;
  /** Shown in the popup under "What your organisation's Relay server keeps". */
  disclosure: string;
  /** Why Mozilla's definition covers it (for reviewers and the next person to change the list). */
  reason: string;
}

/**
 * Sent to the organisation's Relay server, which Relay needs to work at all: so they are required
 * (Firefox asks at install; there is nothing to opt out of and still use Relay).
 */
export const DATA_RELAY_SENDS: readonly SentData[] = [
  {
    category: 'personallyIdentifyingInfo',
    disclosure:
      'Your name and your team: as you typed them, or as your company sign-in gives them, with your work e-mail address when you sign in with your work account.',
    reason:
      'Names and e-mail addresses are Mozilla\'s examples of "personally identifying information". The name is typed at setup; a work-account sign-in gives the server the name, e-mail and team from the company\'s identity provider.',
  },
  {
    category: 'authenticationInfo',
    disclosure:
      'How you joined: the invite code you typed, or your work-account sign-in. Your Relay server then knows this browser by a key of its own.',
    reason:
      '"Registration information for extensions that offer account-based services": each advocate has an account on the Relay server, opened with an invite code or a company sign-in, and kept by a token.',
  },
  {
    category: 'websiteActivity',
    disclosure:
      'Each company post you share: which post, on which network, when, and whether you changed the suggested text. Not the words you wrote.',
    reason:
      'Publishing a post on LinkedIn or X is an action on a website (Mozilla: "interactions ... and actions"); Relay reports that it happened, with the network and the time.',
  },
];

/** Categories that might seem to apply, and why they do not (so nobody adds them by reflex, or drops them silently). */
export const DATA_RELAY_DOES_NOT_SEND: readonly { category: FirefoxPersonalData; reason: string }[] = [
  {
    category: 'personalCommunications',
    reason: 'The text of the advocate\'s posts never leaves the browser: only "changed or not" is sent.',
  },
  {
    category: 'websiteContent',
    reason: "Nothing is read from the networks' pages and sent: the guideline hints are worked out in the browser.",
  },
  {
    category: 'browsingActivity',
    reason:
      'No addresses of pages visited are sent; a share event names the network it was published on, not a URL. ' +
      'Clicks on tracked links are counted by the server when other people open them, not in this browser.',
  },
];

/** Technical data a person may decline while Relay still works: Firefox lets a manifest list it as optional only. */
export interface OptionalData {
  category: 'technicalAndInteraction';
  /** Shown in the popup with what the server keeps. */
  disclosure: string;
  reason: string;
}

/**
 * The integration health counts (components/composer/health.ts): how often Relay found a composer,
 * inserted text and saw a publish confirmed, per site, extension version and day. Mozilla's
 * "technical and interaction data" (extension usage and error reports). Firefox sends them only
 * when the person allowed it (entrypoints/background/health-consent.ts). Every request also names
 * the extension's version and the server keeps the advocate's two privacy choices: those are needed
 * for Relay to work at all, not usage statistics.
 */
export const DATA_RELAY_MAY_SEND: readonly OptionalData[] = [
  {
    category: 'technicalAndInteraction',
    disclosure:
      "How well Relay works inside LinkedIn and X: counts of composers found, insertions and publishes that worked or not, per extension version and day. Never text or addresses. In Firefox only if you allow it in the add-on's permissions.",
    reason:
      'Counts of the extension\'s own operations and failures are "extension usage data" and "error reports" in Mozilla\'s definition of technical and interaction data.',
  },
];

export function firefoxDataCollectionPermissions(): {
  required: FirefoxPersonalData[];
  optional: OptionalData['category'][];
} {
  return {
    required: DATA_RELAY_SENDS.map((sent) => sent.category),
    optional: DATA_RELAY_MAY_SEND.map((sent) => sent.category),
  };
}
