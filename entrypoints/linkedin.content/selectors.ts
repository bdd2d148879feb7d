/** LinkedIn's selectors as data (components/composer/selectors.ts): each key can be overridden from sync without a release. */
import { SiteSelectors } from '../../components/composer/selectors';

export const linkedinSelectors = new SiteSelectors({
  /** The old (Ember) share box's outlet. */
  modalOutlet: '#artdeco-modal-outlet',
  /** The new share box's host: its open shadow root holds the composer. */
  interopOutlet: '#interop-outlet, [data-testid="interop-shadowdom"]',
  editor: '[data-test-ql-editor-contenteditable="true"], .ql-editor[contenteditable="true"]',
  sharebox: '[data-test-modal-id="sharebox"], .share-box-v2__modal',
  dialog: '[role="dialog"], .artdeco-modal',
  postButton: 'button.share-actions__primary-action',
  editorWrapper: '.share-creation-state__text-editor',
  quillContainer: '.ql-container',
  footer: '.share-creation-state__footer',
  toast: '.artdeco-toast-item, .artdeco-toast-item__message, [data-test-artdeco-toast-item-type], [role="alert"]',
  /** The success toast's "View post" link; its wording is localised, the link is not. */
  sharedPostLink: 'a[href*="/feed/update/urn:li:share:"]',
  trigger: '[aria-label="Start a post"], a[href="/preload/sharebox/"], button.share-box-feed-entry__trigger',
});

export type LinkedInSelectorKey = ReturnType<typeof linkedinSelectors.keys>[number];
