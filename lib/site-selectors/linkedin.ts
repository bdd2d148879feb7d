/**
 * LinkedIn's selectors as data (wrapped by entrypoints/linkedin.content/selectors.ts): each key can be overridden from
 * sync without a release. LinkedIn serves its interface in about 26 languages, so nothing here
 * names its words (labels, button text, toasts): only structure, classes, test hooks and links.
 * tests/extension/composer-no-english.test.ts keeps it that way.
 */

/** The paths a "View post" link of the success toast names: a share, an activity or a UGC post. */
const POST_URNS = ['share', 'activity', 'ugcPost'];

export const LINKEDIN_SELECTORS = {
  /** The old (Ember) share box's outlet. */
  modalOutlet: '#artdeco-modal-outlet',
  /** The new share box's host: its open shadow root holds the composer. */
  interopOutlet: '#interop-outlet, [data-testid="interop-shadowdom"]',
  /** Quill keeps this class on its editor while its model is empty (the placeholder shows). */
  blankEditor: '.ql-blank',
  editor: '[data-test-ql-editor-contenteditable="true"], .ql-editor[contenteditable="true"]',
  sharebox: '[data-test-modal-id="sharebox"], .share-box-v2__modal',
  dialog: '[role="dialog"], .artdeco-modal',
  postButton: 'button.share-actions__primary-action',
  /**
   * Where the Post button is when its class changed: the share box's primary (or submit) buttons,
   * of which Post is the last (a scheduling or settings button may come before it).
   */
  primaryAction: 'button.artdeco-button--primary, button[type="submit"]',
  editorWrapper: '.share-creation-state__text-editor',
  quillContainer: '.ql-container',
  footer: '.share-creation-state__footer',
  toast: '.artdeco-toast-item, .artdeco-toast-item__message, [data-test-artdeco-toast-item-type], [role="alert"]',
  /** A toast the site itself marks as a success (the Ember toasts' type). */
  successToast: '[data-test-artdeco-toast-item-type="success"]',
  /** The success toast's "View post" link; its wording is localised, the link is not (plain or percent-encoded). */
  sharedPostLink: POST_URNS.flatMap((urn) => [
    `a[href*="/feed/update/urn:li:${urn}:"]`,
    `a[href*="/feed/update/urn%3Ali%3A${urn}%3A"]`,
  ]).join(', '),
  /** What opens the share box: the entry link (its query varies: `?trk=…`, `?detourType=…`) or the Ember trigger. */
  trigger:
    'a[href^="/preload/sharebox/"], a[href^="https://www.linkedin.com/preload/sharebox/"], .share-box-feed-entry__trigger',
  /**
   * The feed's share-box entry. In the 2026 feed its trigger can be a plain div with no role, label
   * or class of ours: a click in the entry on none of its other controls (below) is on the trigger.
   */
  shareBoxEntry: '[data-view-name="share-box"], .share-box-feed-entry',
  /** The entry's other controls (photo, video, article): they open a file picker or another page, not always a composer. */
  entryControl: 'button, [role="button"], a[href], input',
} as const satisfies Record<string, string>;
