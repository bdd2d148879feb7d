/**
 * A site release Relay has not seen yet (tests/e2e/integration-health.spec.ts): sites.ts adds this
 * script to a fixture page only when it is asked for with `?release=renamed-editor`. As a real
 * release renames things, LinkedIn's share box editor loses the attribute and class Relay knows it
 * by (`data-test-ql-editor-contenteditable`, `.ql-editor`) and gets new ones
 * (`data-share-editor="true"`, `.share-editor__content`), from the moment it is in the page, before
 * any animation frame. The editor behaves exactly as before; nothing else changes.
 */
(function () {
  'use strict';

  const OLD = '[data-test-ql-editor-contenteditable]';

  function rename(root) {
    for (const editor of root.querySelectorAll(OLD)) {
      editor.removeAttribute('data-test-ql-editor-contenteditable');
      editor.setAttribute('data-share-editor', 'true');
      editor.classList.replace('ql-editor', 'share-editor__content');
    }
  }

  // The page's own observer: registered before any content script's, so it runs first.
  new MutationObserver(() => rename(document)).observe(document.documentElement, { childList: true, subtree: true });
  rename(document);
})();
