/**
 * X's selectors as data (wrapped by entrypoints/x.content/selectors.ts): each key can be overridden from sync
 * without a release. No words of X's interface (it is localised): test ids, roles and links only.
 */

export const X_SELECTORS = {
  editor: 'div[data-testid^="tweetTextarea_"][role="textbox"], textarea[data-testid^="tweetTextarea_"]',
  /**
   * What every editor sits in: Draft.js's root (a class, which the browser matches far faster than
   * the data-testid prefixes above), or a <textarea>. Feed posts hold neither.
   */
  editorHost: '.DraftEditor-root, textarea',
  /** Draft.js's root around its editor. */
  draftRoot: '.DraftEditor-root',
  /** Draft's placeholder: in its root only while its model is empty. */
  placeholder: '.public-DraftEditorPlaceholder-root',
  toolbar: '[data-testid="toolBar"]',
  postButton: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  primaryColumn: '[data-testid="primaryColumn"]',
  toast: '[data-testid="toast"]',
  /** The toast's "View" link to the new post; its wording is localised, the link is not. */
  postLink: 'a[href*="/status/"]',
  /** What opens the compose modal: the side nav's button, or a link to the compose page (with or without a query). */
  trigger: '[data-testid="SideNav_NewTweet_Button"], a[href^="/compose/post"], a[href^="/compose/tweet"]',
} as const satisfies Record<string, string>;
