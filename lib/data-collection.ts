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

/**
 * Not a category Relay declares either: `technicalAndInteraction` (optional only, for telemetry).
 * Relay sends no usage statistics or error reports; every request names the extension's version
 * (the server's compatibility check), and the advocate's two privacy choices are saved on the server
 * so that it can honour them. Neither can be declined while Relay still works, and neither is telemetry.
 */
export function firefoxDataCollectionPermissions(): { required: FirefoxPersonalData[] } {
  return { required: DATA_RELAY_SENDS.map((sent) => sent.category) };
}
