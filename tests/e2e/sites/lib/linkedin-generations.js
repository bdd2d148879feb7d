/**
 * The LinkedIn fixture's DOM generations (part of linkedin.js, loaded before it, after
 * linkedin-markup.js): `old`, `shadow` and `unknown`, each with its selectors, outlet, modal, posts
 * and toast; the unknown generation's own markup. Handed on in `window.LinkedInFixtureParts`.
 */
(function () {
  'use strict';

  const { W, esc, html, initials, shareBox, SHARE_BOX_CSS, emberPost, reactPost } = window.LinkedInFixtureParts;

  // --- the unknown generation ---------------------------------------------------------------------

  const unknownModal = () =>
    html(`
<div class="_o7k2">
  <div class="_m3q9" role="dialog" aria-modal="true" aria-label="New post">
    <button type="button" class="_c8r1" aria-label="Close">✕</button>
    <h2 class="_h5v0">New post</h2>
    <div class="_b2w6">
      <div class="_e4n8" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Write your post"
           data-hint="Share your thoughts"></div>
    </div>
    <div class="_f1z3">
      <button type="button" class="_i6d4" aria-label="Media">🖼</button>
      <button type="button" class="_p9s7" disabled>Publish</button>
    </div>
  </div>
</div>`);

  const unknownPost = (post) =>
    html(`
<div class="_q2x5" role="article">
  <div class="_a8f3"><div class="avatar">${esc(initials(post.name))}</div><div><p><b>${esc(post.name)}</b></p><p>${esc(
    post.headline,
  )}</p></div></div>
  <p class="_t1k9">${post.paragraphs.map(esc).join('<br><br>')}</p>
  <div class="_r4m2"><button type="button">Like</button><button type="button">Comment</button></div>
</div>`);

  const UNKNOWN_CSS = `
._o7k2 { position: fixed; inset: 0; background: rgba(0,0,0,.6); display: flex; justify-content: center; align-items: flex-start; z-index: 1000; }
._m3q9 { background: #fff; width: 700px; margin-top: 48px; border-radius: 8px; padding: 16px 24px; position: relative; }
._c8r1 { position: absolute; right: 12px; top: 12px; }
._e4n8 { min-height: 200px; outline: none; white-space: pre-wrap; font-size: 18px; }
._e4n8 p { margin: 0; }
._e4n8._z0y1::before { content: attr(data-hint); color: #767676; position: absolute; pointer-events: none; }
._f1z3 { display: flex; justify-content: space-between; border-top: 1px solid #eee; padding-top: 12px; }
._p9s7 { background: #0a66c2; color: #fff; border: 0; border-radius: 16px; padding: 6px 16px; }
._p9s7:disabled { background: #e8e8e8; color: #999; }
._q2x5 { background: #fff; border-radius: 8px; padding: 12px 16px; margin-bottom: 8px; }
._w5e1 { position: fixed; left: 24px; bottom: 24px; background: #fff; padding: 12px 16px; border-radius: 8px; z-index: 2000; }
`;

  // --- generations --------------------------------------------------------------------------------

  const GENERATIONS = {
    old: {
      css: SHARE_BOX_CSS,
      trigger: 'button.share-box-feed-entry__trigger',
      feed: '.scaffold-finite-scroll__content',
      post: emberPost,
      outlet: () => document.getElementById('artdeco-modal-outlet'),
      modal: shareBox,
      editor: '[data-test-ql-editor-contenteditable="true"]',
      button: 'button.share-actions__primary-action',
      dismiss: 'button.artdeco-modal__dismiss',
      blankClass: 'ql-blank',
      openDelay: 150,
      urn: 'share',
      toast(id, urn) {
        const list = document.querySelector('.artdeco-toasts_toasts');
        const item = html(`
<li class="artdeco-toast-item artdeco-toast-item--visible ember-view" data-test-artdeco-toast-item-type="success" role="alert">
  <div class="artdeco-toast-item__content">
    <p class="artdeco-toast-item__message"><span>${esc(W.posted)}</span>
      <a class="artdeco-toast-item__cta" href="/feed/update/urn:li:${urn}:${id}/">${esc(W.viewPost)}</a></p>
  </div>
  <button type="button" class="artdeco-toast-item__dismiss artdeco-button" aria-label="${esc(W.dismissPosted)}">✕</button>
</li>`);
        list.append(item);
        return item;
      },
    },
    shadow: {
      css: SHARE_BOX_CSS,
      // The entry's first child: a link to /preload/sharebox/?… (or, option `trigger: 'div'`, a plain div).
      trigger: '[data-view-name="share-box"] > :first-child',
      feed: '[data-view-name="feed-list"]',
      post: reactPost,
      outlet() {
        const host = document.getElementById('interop-outlet');
        if (!host.shadowRoot) {
          const root = host.attachShadow({ mode: 'open' });
          root.append(html(`<style>${SHARE_BOX_CSS}</style>`), html('<div class="interop-outlet__modals"></div>'));
        }
        return host.shadowRoot.querySelector('.interop-outlet__modals');
      },
      modal: shareBox,
      editor: '[data-test-ql-editor-contenteditable="true"]',
      button: 'button.share-actions__primary-action',
      dismiss: 'button.artdeco-modal__dismiss',
      blankClass: 'ql-blank',
      openDelay: 200,
      // The 2026 feed's toast links the activity rather than the share.
      urn: 'activity',
      toast(id, urn) {
        const region = document.querySelector('#root .toasts');
        const item = html(`
<div class="toast" role="alert" data-view-name="toast">
  <p>${esc(W.posted)} <a href="/feed/update/urn:li:${urn}:${id}/">${esc(W.viewPost)}</a></p>
  <button type="button" aria-label="${esc(W.dismiss)}">✕</button>
</div>`);
        region.append(item);
        return item;
      },
    },
    unknown: {
      css: UNKNOWN_CSS,
      trigger: 'button._x7f2a',
      feed: '._l0g4',
      post: unknownPost,
      outlet: () => document.getElementById('portal-9c1'),
      modal: unknownModal,
      editor: '._e4n8',
      button: '._p9s7',
      dismiss: '._c8r1',
      blankClass: '_z0y1',
      openDelay: 150,
      urn: 'share',
      toast(id) {
        const item = html(
          `<div class="_w5e1" role="alert">Post successful. <a href="/feed/update/urn:li:share:${id}/">View post</a></div>`,
        );
        document.body.append(item);
        return item;
      },
    },
  };

  window.LinkedInFixtureParts = { ...window.LinkedInFixtureParts, GENERATIONS };
})();
