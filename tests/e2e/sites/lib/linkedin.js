/**
 * The LinkedIn fixture app, one DOM generation per page (composers.md):
 *
 * - `old`: Ember. Trigger `button.share-box-feed-entry__trigger`; the share box modal is mounted
 *   into `#artdeco-modal-outlet` (`[data-test-modal-id="sharebox"]`, `.share-box-v2__modal`,
 *   `.artdeco-modal__content`, `.share-creation-state__text-editor`, `.share-creation-state__footer`,
 *   `button.share-actions__primary-action`). Toast `.artdeco-toast-item__message`.
 * - `shadow`: React feed (2025–26). `body[data-rehydrated]`, `body > #root`, trigger
 *   `a[href="/preload/sharebox/"][aria-label="Start a post"]`; the same share box is rendered INSIDE
 *   the open shadow root of `#interop-outlet[data-testid="interop-shadowdom"]`, so
 *   `document.querySelector` does not see it. The toast is the React app's, in the light DOM.
 * - `unknown`: a generation no adapter knows: every class name, id, test hook and label changed
 *   (obfuscated class names, no data-test-* attributes, no shadow root, no Quill classes). The page
 *   works the same way for people.
 *
 * The editor is Quill-like (editors.js). Routes: `/feed/`, `/preload/sharebox/` (opens the
 * composer), `/feed/?shareActive=true&text=…` (opens it prefilled). Posting (Post button or
 * Ctrl/Cmd+Enter) pushes the model to `window.__posts`, calls
 * `POST /voyager/api/contentcreation/normShares`, and ~300 ms later closes the modal, shows
 * "Post successful. View post" linking `/feed/update/urn:li:share:<id>/` and puts the post at the
 * top of the feed. `window.__appendPosts(n)` adds n posts to the feed.
 */
(function () {
  'use strict';

  const { quill } = window.FixtureEditors;
  const { posts, newId, delay } = window.FixtureFeed;
  const AUTHOR = 'Ada Advocate';
  const PLACEHOLDER = 'What do you want to talk about?';
  const MAX = 3000;

  const esc = (text) =>
    String(text).replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );
  const html = (markup) => {
    const template = document.createElement('template');
    // eslint-disable-next-line no-unsanitized/property -- the site's own page, stood in for: markup from esc()'d values
    template.innerHTML = markup.trim();
    return template.content.firstElementChild;
  };

  // --- the Ember share box (old and shadow generations) ---------------------------------------

  const shareBox = () =>
    html(`
<div class="artdeco-modal-overlay artdeco-modal-overlay--layer-default artdeco-modal-overlay--is-top-layer ember-view">
  <div data-test-modal="" data-test-modal-id="sharebox" role="dialog" tabindex="-1"
       aria-labelledby="share-to-linkedin-modal__header"
       class="artdeco-modal artdeco-modal--layer-default share-box-v2__modal">
    <button aria-label="Dismiss" data-test-modal-close-btn="" type="button"
            class="artdeco-modal__dismiss artdeco-button artdeco-button--circle artdeco-button--tertiary">✕</button>
    <div class="artdeco-modal__header share-box-v2__header">
      <h2 id="share-to-linkedin-modal__header" class="share-box-v2__title">Create a post</h2>
      <button type="button" class="share-unified-settings-entry-button">
        <span class="share-unified-settings-entry-button__name">${AUTHOR}</span>
        <span class="share-unified-settings-entry-button__visibility">Post to Anyone</span>
      </button>
    </div>
    <div class="artdeco-modal__content share-box-v2__modal-content">
      <div class="share-creation-state">
        <div class="share-creation-state__content-scrollable">
          <div class="share-creation-state__text-editor">
            <div class="editor-container">
              <div class="editor-content ql-container">
                <div class="ql-editor ql-blank" data-gramm="false" contenteditable="true" role="textbox"
                     aria-multiline="true" aria-label="Text editor for creating content"
                     aria-placeholder="${PLACEHOLDER}" data-placeholder="${PLACEHOLDER}"
                     data-test-ql-editor-contenteditable="true"></div>
                <div class="ql-clipboard" contenteditable="true" tabindex="-1"></div>
              </div>
            </div>
          </div>
        </div>
        <div class="share-creation-state__footer">
          <div class="share-creation-state__additional-toolbar">
            <button type="button" class="artdeco-button artdeco-button--circle" aria-label="Add media">🖼</button>
            <button type="button" class="artdeco-button artdeco-button--circle" aria-label="Create an event">📅</button>
            <button type="button" class="artdeco-button artdeco-button--circle" aria-label="More">…</button>
          </div>
          <div class="share-creation-state__schedule-and-post-container">
            <button type="button" class="share-actions__scheduled-post-btn artdeco-button" aria-label="Schedule post">🕒</button>
            <button type="button" disabled
                    class="share-actions__primary-action artdeco-button artdeco-button--2 artdeco-button--primary ember-view">
              <span class="artdeco-button__text">Post</span>
            </button>
          </div>
        </div>
      </div>
    </div>
  </div>
</div>`);

  const SHARE_BOX_CSS = `
.artdeco-modal-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.6); display: flex; align-items: flex-start;
  justify-content: center; z-index: 1000; font: 14px/1.4 system-ui, sans-serif; }
.artdeco-modal { position: relative; background: #fff; width: 744px; max-width: 95vw; margin-top: 48px; border-radius: 8px;
  box-shadow: 0 4px 24px rgba(0,0,0,.3); }
.artdeco-modal__dismiss { position: absolute; top: 12px; right: 12px; }
.artdeco-modal__header { padding: 16px 24px; border-bottom: 1px solid #e8e8e8; }
.artdeco-modal__header h2 { margin: 0 0 8px; font-size: 20px; }
.artdeco-modal__content { padding: 0; }
.share-creation-state__text-editor { padding: 12px 24px; min-height: 220px; }
.ql-container { position: relative; }
.ql-editor { min-height: 200px; outline: none; white-space: pre-wrap; overflow-wrap: break-word; font-size: 18px; }
.ql-editor p { margin: 0; }
.ql-editor.ql-blank::before { content: attr(data-placeholder); color: #767676; position: absolute; pointer-events: none; }
.ql-clipboard { position: absolute; left: -10000px; height: 1px; overflow-y: hidden; }
.share-creation-state__footer { display: flex; justify-content: space-between; padding: 12px 24px; border-top: 1px solid #e8e8e8; }
.share-actions__primary-action { background: #0a66c2; color: #fff; border: 0; border-radius: 16px; padding: 6px 16px; font-weight: 600; }
.share-actions__primary-action:disabled { background: #e8e8e8; color: #999; }
`;

  const PAGE_CSS = `
body { margin: 0; background: #f4f2ee; font: 14px/1.4 system-ui, sans-serif; color: #191919; }
.global-nav { background: #fff; border-bottom: 1px solid #e8e8e8; padding: 8px 24px; font-weight: 700; color: #0a66c2; }
main { max-width: 560px; margin: 24px auto; }
.share-box-feed-entry, .feed-post, [data-view-name="share-box"] { background: #fff; border-radius: 8px; padding: 12px 16px; margin-bottom: 8px; }
.share-box-feed-entry__trigger, [aria-label="Start a post"] { display: block; width: 100%; text-align: left; border: 1px solid #999;
  border-radius: 35px; padding: 12px 16px; background: #fff; color: #666; text-decoration: none; cursor: pointer; }
.avatar { width: 48px; height: 48px; border-radius: 50%; background: #cde; display: inline-flex; align-items: center; justify-content: center; }
.feed-post__actor { display: flex; gap: 8px; }
.feed-post__text { margin: 8px 0; white-space: normal; }
.feed-post__actions { display: flex; justify-content: space-around; border-top: 1px solid #e8e8e8; padding-top: 4px; }
.feed-post__actions button { background: none; border: 0; color: #666; font-weight: 600; padding: 8px; }
.artdeco-toasts_toasts, .toasts { position: fixed; left: 24px; bottom: 24px; z-index: 2000; list-style: none; margin: 0; padding: 0; }
.artdeco-toast-item, .toast { background: #fff; border-radius: 8px; box-shadow: 0 4px 12px rgba(0,0,0,.2); padding: 12px 16px; margin-top: 8px; }
`;

  // --- feed posts -------------------------------------------------------------------------------

  const initials = (name) =>
    name
      .split(' ')
      .map((part) => part[0])
      .join('');

  const emberPost = (post) =>
    html(`
<div class="feed-shared-update-v2 feed-post artdeco-card" data-urn="urn:li:activity:${post.id}" role="article"
     aria-label="Feed post by ${esc(post.name)}">
  <div class="update-components-actor feed-post__actor">
    <div class="avatar update-components-actor__avatar" aria-hidden="true">${esc(initials(post.name))}</div>
    <div class="update-components-actor__meta">
      <span class="update-components-actor__title"><span dir="ltr">${esc(post.name)}</span></span>
      <span class="update-components-actor__description">${esc(post.headline)}</span>
      <span class="update-components-actor__sub-description">${post.age} • 🌐</span>
    </div>
    <button type="button" class="follow-button artdeco-button">+ Follow</button>
  </div>
  <div class="feed-shared-update-v2__description-wrapper">
    <div class="feed-shared-inline-show-more-text">
      <div class="update-components-text feed-post__text"><span class="break-words"><span dir="ltr">${post.paragraphs
        .map(esc)
        .join('<br><br>')}</span></span></div>
      <button type="button" class="feed-shared-inline-show-more-text__see-more-less-toggle">…more</button>
    </div>
  </div>
  <div class="social-details-social-counts">
    <span class="social-details-social-counts__reactions-count">${post.reactions}</span>
    <button type="button">${post.comments} comments</button> · <button type="button">${post.reposts} reposts</button>
  </div>
  <div class="feed-shared-social-action-bar feed-post__actions">
    <button type="button" aria-label="React Like">Like</button>
    <button type="button" aria-label="Comment">Comment</button>
    <button type="button" aria-label="Repost">Repost</button>
    <button type="button" aria-label="Send in a private message">Send</button>
  </div>
</div>`);

  const reactPost = (post) =>
    html(`
<div class="feed-post" data-view-name="feed-full-update" role="article" aria-label="Feed post by ${esc(post.name)}">
  <div class="feed-post__actor" data-view-name="feed-actor-image">
    <div class="avatar" aria-hidden="true">${esc(initials(post.name))}</div>
    <div><p><strong>${esc(post.name)}</strong></p><p>${esc(post.headline)}</p><p>${post.age} • 🌐</p></div>
  </div>
  <p class="feed-post__text" data-view-name="feed-commentary" dir="ltr">${post.paragraphs.map(esc).join('<br><br>')}</p>
  <p>${post.reactions} reactions · ${post.comments} comments</p>
  <div class="feed-post__actions" data-view-name="feed-social-actions">
    <button type="button" data-view-name="reaction-button">Like</button>
    <button type="button" data-view-name="feed-comment-button">Comment</button>
    <button type="button" data-view-name="feed-repost-button">Repost</button>
    <button type="button" data-view-name="feed-send-as-message-button">Send</button>
  </div>
</div>`);

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
      toast(id) {
        const list = document.querySelector('.artdeco-toasts_toasts');
        const item = html(`
<li class="artdeco-toast-item artdeco-toast-item--visible ember-view" data-test-artdeco-toast-item-type="success" role="alert">
  <div class="artdeco-toast-item__content">
    <p class="artdeco-toast-item__message"><span>Post successful.</span>
      <a class="artdeco-toast-item__cta" href="/feed/update/urn:li:share:${id}/">View post</a></p>
  </div>
  <button type="button" class="artdeco-toast-item__dismiss artdeco-button" aria-label="Dismiss “Post successful.” notification">✕</button>
</li>`);
        list.append(item);
        return item;
      },
    },
    shadow: {
      css: SHARE_BOX_CSS,
      trigger: '[aria-label="Start a post"]',
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
      toast(id) {
        const region = document.querySelector('#root .toasts');
        const item = html(`
<div class="toast" role="alert" data-view-name="toast">
  <p>Post successful. <a href="/feed/update/urn:li:share:${id}/">View post</a></p>
  <button type="button" aria-label="Dismiss">✕</button>
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
      toast(id) {
        const item = html(
          `<div class="_w5e1" role="alert">Post successful. <a href="/feed/update/urn:li:share:${id}/">View post</a></div>`,
        );
        document.body.append(item);
        return item;
      },
    },
  };

  function start({ generation, posts: count = 8 }) {
    const gen = GENERATIONS[generation];
    if (!gen) throw new Error(`unknown generation ${generation}`);
    const style = document.createElement('style');
    style.textContent = (generation === 'unknown' ? '' : PAGE_CSS) + gen.css;
    document.head.append(style);
    if (generation === 'shadow') gen.outlet(); // the host's shadow root exists from the start

    window.__posts = [];
    const feed = document.querySelector(gen.feed);
    let shown = 0;
    window.__appendPosts = (n) => {
      const fragment = document.createDocumentFragment();
      for (const post of posts(n, shown)) fragment.append(gen.post(post));
      feed.append(fragment);
      shown += n;
      return feed.children.length;
    };
    window.__appendPosts(count);

    let composer = null;
    let opening = false;

    const refresh = () => {
      if (!composer || composer.publishing) return;
      const text = composer.editor.text;
      composer.button.disabled = !(text.trim() && text.length <= MAX);
    };

    const close = () => {
      if (!composer) return;
      composer.editor.destroy();
      composer.overlay.remove();
      composer = null;
      if (location.pathname !== '/feed/' || location.search) history.replaceState(null, '', '/feed/');
    };

    const publish = async () => {
      const current = composer;
      if (!current || current.publishing || current.button.disabled) return;
      current.publishing = true;
      const text = current.editor.text;
      window.__posts.push(text);
      current.button.disabled = true;
      const id = newId();
      await Promise.all([
        fetch('/voyager/api/contentcreation/normShares', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'csrf-token': 'ajax:fixture' },
          body: JSON.stringify({ commentary: text, visibleToConnectionsOnly: false, origin: 'FEED' }),
        }).catch(() => null),
        delay(300),
      ]);
      if (composer === current) close();
      const toast = gen.toast(id);
      setTimeout(() => toast.remove(), 15_000);
      feed.prepend(
        gen.post({
          id,
          name: AUTHOR,
          headline: 'Advocate',
          age: 'now',
          paragraphs: text.split('\n'),
          reactions: 0,
          comments: 0,
          reposts: 0,
        }),
      );
    };

    const open = (text = '') => {
      if (composer || opening) return;
      opening = true;
      setTimeout(() => {
        opening = false;
        const overlay = gen.modal();
        gen.outlet().append(overlay);
        const editorElement = overlay.querySelector(gen.editor);
        const button = overlay.querySelector(gen.button);
        const editor = quill(editorElement, { text, blankClass: gen.blankClass, onChange: refresh, onSubmit: publish });
        composer = { overlay, editor, button, publishing: false };
        button.addEventListener('click', publish);
        overlay.querySelector(gen.dismiss).addEventListener('click', close);
        refresh();
        editorElement.focus();
        editor.select(editor.text.length);
      }, gen.openDelay);
    };

    document.addEventListener('click', (event) => {
      const trigger = event.target instanceof Element ? event.target.closest(gen.trigger) : null;
      if (!trigger) return;
      event.preventDefault();
      open();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
    });

    const params = new URLSearchParams(location.search);
    if (params.get('shareActive') === 'true') open(params.get('text') ?? '');
    else if (location.pathname.startsWith('/preload/sharebox')) open();

    window.__fixtureSite = { site: 'linkedin', generation, open, close };
  }

  window.LinkedInFixture = { start };
})();
