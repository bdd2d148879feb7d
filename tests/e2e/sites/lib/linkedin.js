/**
 * The LinkedIn fixture app, one DOM generation per page (composers.md):
 *
 * - `old`: Ember. Trigger `button.share-box-feed-entry__trigger`; the share box modal is mounted
 *   into `#artdeco-modal-outlet` (`[data-test-modal-id="sharebox"]`, `.share-box-v2__modal`,
 *   `.artdeco-modal__content`, `.share-creation-state__text-editor`, `.share-creation-state__footer`,
 *   `button.share-actions__primary-action`). Toast `.artdeco-toast-item__message`.
 * - `shadow`: React feed (2025–26). `body[data-rehydrated]`, `body > #root`, trigger: the share-box
 *   entry's link `a[href="/preload/sharebox/?trk=…"]` (option `trigger: 'div'`: a plain div with no
 *   role, label, href or known class, as in the 2026 feed); the same share box is rendered INSIDE
 *   the open shadow root of `#interop-outlet[data-testid="interop-shadowdom"]`, so
 *   `document.querySelector` does not see it. The toast is the React app's, in the light DOM, and
 *   links the activity (`urn:li:activity:`) rather than the share.
 * - `unknown`: a generation no adapter knows: every class name, id, test hook and label changed
 *   (obfuscated class names, no data-test-* attributes, no shadow root, no Quill classes). The page
 *   works the same way for people.
 *
 * The editor is Quill-like (editors.js). Routes: `/feed/`, `/preload/sharebox/` (opens the
 * composer), `/feed/?shareActive=true&text=…` (opens it prefilled). The Post button follows the
 * model ~200 ms late (debounced, as LinkedIn's does): a test waits for it. Option
 * `postButton: 'bare'` takes the `share-actions__primary-action` class off it. Posting (Post
 * button or Ctrl/Cmd+Enter) pushes the model to `window.__posts`, calls
 * `POST /voyager/api/contentcreation/normShares`, and ~300 ms later closes the modal, shows the
 * toast ("Post successful. View post", in the page's language: words.js) linking
 * `/feed/update/urn:li:<share|activity>:<id>/` (option `urn`) and puts the post at the top of the
 * feed; when normShares answers an error, the share box stays open with an error
 * (`role="alert"`) and Post enabled again. `window.__appendPosts(n)` adds n posts to the feed.
 *
 * Pages load linkedin-markup.js and linkedin-generations.js (the three generations) first; this
 * file runs the app and publishes `window.LinkedInFixture`.
 */
(function () {
  'use strict';

  const { quill } = window.FixtureEditors;
  const { posts, newId, delay } = window.FixtureFeed;
  const { AUTHOR, W, PAGE_CSS, GENERATIONS } = window.LinkedInFixtureParts;
  delete window.LinkedInFixtureParts;
  const MAX = 3000;
  /** How late the Post button follows the editor's model. */
  const BUTTON_DELAY_MS = 200;

  /** The 2026 feed's trigger: a plain div in place of the share-box entry's link. */
  function plainDivTrigger(link) {
    const div = document.createElement('div');
    div.className = '_e1b7c _p4w2k';
    div.tabIndex = 0;
    div.textContent = link.textContent;
    link.replaceWith(div);
  }

  function start({ generation, posts: count = 8 }) {
    const gen = GENERATIONS[generation];
    if (!gen) throw new Error(`unknown generation ${generation}`);
    const options = window.FixtureWords.options();
    if (generation !== 'unknown') window.FixtureWords.localize('linkedin');
    if (options.trigger === 'div') plainDivTrigger(document.querySelector(gen.trigger));
    const urn = options.urn ?? gen.urn;
    const style = document.createElement('style');
    style.textContent = (generation === 'unknown' ? '' : PAGE_CSS) + gen.css;
    document.head.append(style);
    window.FixtureThemes.initial('linkedin', { markers: generation !== 'unknown' });
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

    const postable = (text) => text.trim() !== '' && text.length <= MAX;
    let pendingRefresh = 0;
    const refresh = () => {
      clearTimeout(pendingRefresh);
      pendingRefresh = setTimeout(() => {
        if (!composer || composer.publishing) return;
        composer.button.disabled = !postable(composer.editor.text);
      }, BUTTON_DELAY_MS);
    };

    const close = () => {
      if (!composer) return;
      composer.editor.destroy();
      composer.overlay.remove();
      composer = null;
      if (location.pathname !== '/feed/' || location.search) history.replaceState(null, '', '/feed/');
    };

    /** Posting: the button's click (only while enabled), or the keyboard, which checks the model itself. */
    const publish = async (event) => {
      const current = composer;
      if (!current || current.publishing) return;
      if (event ? current.button.disabled : !postable(current.editor.text)) return;
      current.publishing = true;
      const text = current.editor.text;
      current.button.disabled = true;
      current.error?.remove();
      const id = newId();
      const [response] = await Promise.all([
        fetch('/voyager/api/contentcreation/normShares', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'csrf-token': 'ajax:fixture' },
          body: JSON.stringify({ commentary: text, visibleToConnectionsOnly: false, origin: 'FEED' }),
        }).catch(() => null),
        delay(300),
      ]);
      if (response && !response.ok) {
        // The site's error: the share box stays open with the text, Post enabled again.
        current.publishing = false;
        current.error = document.createElement('div');
        current.error.setAttribute('role', 'alert');
        current.error.className = 'share-box__error';
        current.error.textContent = 'Something went wrong. Please try again.';
        current.button.before(current.error);
        refresh();
        return;
      }
      window.__posts.push(text);
      if (composer === current) close();
      const toast = gen.toast(id, urn);
      setTimeout(() => toast.remove(), 15_000);
      feed.prepend(
        gen.post({
          id,
          name: AUTHOR,
          headline: 'Advocate',
          age: W.now,
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
        if (options.postButton === 'bare') button.classList.remove('share-actions__primary-action');
        const editor = quill(editorElement, { text, blankClass: gen.blankClass, onChange: refresh, onSubmit: publish });
        composer = { overlay, editor, button, publishing: false };
        button.addEventListener('click', publish);
        overlay.querySelector(gen.dismiss).addEventListener('click', close);
        button.disabled = !postable(text);
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

    window.__fixtureSite = {
      site: 'linkedin',
      generation,
      open,
      close,
      setTheme: (name) => window.FixtureThemes.apply('linkedin', name),
    };
  }

  window.LinkedInFixture = { start };
})();
