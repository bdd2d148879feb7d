/**
 * The X fixture app (composers.md). Every composer is a Draft.js-like editor
 * (`div[data-testid="tweetTextarea_0"][role="textbox"]` inside `.DraftEditor-root`, editors.js)
 * with a `div[data-testid="toolBar"]` holding the post button:
 *
 * - compose modal (`/compose/post`, the side nav's "Post" link, the intent page
 *   `/intent/post?text=&url=&hashtags=&via=`, `/intent/tweet` redirects): `button[data-testid="tweetButton"]` "Post";
 * - reply modal (a tweet's reply button): the tweet, "Replying to @handle", `tweetButton` "Reply";
 * - inline composer (mode `inline`, `/home`): `[data-testid="tweetButtonInline"]` "Post";
 * - inline reply box (mode `inline`, `/<handle>/status/<id>`): "Replying to @handle",
 *   `tweetButtonInline` "Reply".
 *
 * Post buttons are `disabled` + `aria-disabled="true"` while the model is empty (or over 280
 * weighted characters). Posting (button or Ctrl/Cmd+Enter) pushes the model to `window.__posts`,
 * calls `POST /i/api/graphql/<id>/CreateTweet`, and ~300 ms later shows `[data-testid="toast"]`
 * "Your post was sent." with a View link to `/<handle>/status/<id>`; modals close, inline
 * composers clear. `window.__appendPosts(n)` adds n tweets to the timeline.
 *
 * The home timeline is laid out as X lays out its own: each tweet in a `div[data-testid="cellInnerDiv"]`
 * placed with `transform: translateY(…)` and `position: absolute` inside a `position: relative` box
 * whose `min-height` X sets from the cells it measured (timeline.js). X also drops cells far off
 * screen; this one keeps all of them, so a long feed costs the page more here than on X.
 *
 * Every word of the interface is in the page's language (`<html lang>`: en, de, ja; words.js).
 * Pages load x-markup.js and x-composers.js (the composer and its post button) first; this file
 * runs the app (pages, modals, routes) and publishes `window.XFixture`.
 */
(function () {
  'use strict';

  const { posts } = window.FixtureFeed;
  const { W, esc, html, CSS, tweet, composers, Timeline } = window.XFixtureParts;
  delete window.XFixtureParts;

  function start({ mode, posts: count = 8 }) {
    const style = document.createElement('style');
    style.textContent = CSS;
    document.head.append(style);
    window.FixtureWords.localize('x');
    window.FixtureThemes.initial('x');
    window.__posts = [];

    const column = document.querySelector('[data-testid="primaryColumn"]');
    const layers = document.getElementById('layers');
    const feedPosts = posts(count);
    let shown = count;
    let timeline = null;
    const modals = [];
    /** Inline composers of the page shown now (destroyed when another page renders). */
    let pageComposers = [];
    const clearPage = () => {
      for (const composer of pageComposers) composer.editor.destroy();
      pageComposers = [];
      timeline?.destroy();
      timeline = null;
    };

    window.__appendPosts = (n) => {
      const more = posts(n, shown);
      shown += n;
      feedPosts.push(...more);
      timeline?.append(more.map(tweet));
      return feedPosts.length;
    };

    const { mountComposer } = composers({ layers });

    function openModal({ replyTo, text = '', returnTo }) {
      if (modals.length) return;
      const layer = html(`
<div class="layer">
  <div class="mask" data-testid="mask"></div>
  <div role="dialog" aria-modal="true" aria-labelledby="modal-header">
    <div class="dialog__bar">
      <button type="button" data-testid="app-bar-close" aria-label="${esc(W.close)}">✕</button>
      <h2 id="modal-header" class="sr-only">${esc(replyTo ? W.reply : W.postHeading)}</h2>
      <button type="button" class="drafts">${esc(W.drafts)}</button>
    </div>
  </div>
</div>`);
      const dialog = layer.querySelector('[role="dialog"]');
      if (replyTo) dialog.append(tweet(replyTo));
      const entry = { layer, composer: null };
      const close = (navigate = true) => {
        entry.composer.editor.destroy();
        layer.remove();
        modals.splice(modals.indexOf(entry), 1);
        if (navigate && (location.pathname === '/compose/post' || location.pathname.startsWith('/intent/'))) {
          history.replaceState(null, '', returnTo);
          if (returnTo === '/home' && !timeline) renderHome();
        }
      };
      entry.close = close;
      entry.composer = mountComposer({
        inline: false,
        replyTo,
        text,
        onPublished: (_composer, post) => {
          close();
          if (!replyTo && timeline) timeline.prepend([tweet(post)]);
        },
      });
      dialog.append(entry.composer.element);
      layer.querySelector('[data-testid="app-bar-close"]').addEventListener('click', () => close());
      layer.querySelector('.mask').addEventListener('click', () => close());
      modals.push(entry);
      layers.append(layer);
      requestAnimationFrame(() => {
        const editorElement = entry.composer.editor.element;
        editorElement.focus();
        entry.composer.editor.select(entry.composer.editor.text.length);
      });
      if (location.pathname !== '/compose/post' && !location.pathname.startsWith('/intent/')) {
        history.pushState(null, '', '/compose/post');
      }
    }

    // --- pages ----------------------------------------------------------------------------------

    function header(title) {
      return html(`<div class="column-header"><h2 role="heading" aria-level="2">${esc(title)}</h2></div>`);
    }

    function renderTimeline(list) {
      const section = html(
        `<section role="region" aria-label="${esc(W.homeTimeline)}"><div data-testid="timeline"></div></section>`,
      );
      timeline = new Timeline(section.firstElementChild);
      timeline.append(list.map(tweet));
      return section;
    }

    function renderHome() {
      clearPage();
      const parts = [header(W.home)];
      if (mode === 'inline') {
        const composer = mountComposer({
          inline: true,
          onPublished: (c, post) => {
            c.editor.setText('');
            timeline?.prepend([tweet(post)]);
          },
        });
        pageComposers.push(composer);
        parts.push(composer.element);
      }
      parts.push(renderTimeline(feedPosts));
      column.replaceChildren(...parts);
      timeline.place();
    }

    function renderStatus(id) {
      const focal = feedPosts.find((post) => post.id === id) ?? { ...feedPosts[0], id };
      const parts = [header(W.postHeading), tweet(focal)];
      const replies = html(`<section role="region" aria-label="${esc(W.conversation)}"><div></div></section>`);
      clearPage();
      if (mode === 'inline') {
        const composer = mountComposer({
          inline: true,
          replyTo: focal,
          onPublished: (c, post) => {
            c.editor.setText('');
            replies.firstElementChild.prepend(tweet(post));
          },
        });
        pageComposers.push(composer);
        parts.push(composer.element);
      }
      for (const post of posts(3, 5000 + (Number(id.slice(-3)) || 0))) replies.firstElementChild.append(tweet(post));
      parts.push(replies);
      column.replaceChildren(...parts);
    }

    function renderIntent() {
      const params = new URLSearchParams(location.search);
      const pieces = [params.get('text') ?? ''];
      if (params.get('url')) pieces.push(params.get('url'));
      const hashtags = (params.get('hashtags') ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
      if (hashtags.length) pieces.push(hashtags.map((tag) => `#${tag}`).join(' '));
      if (params.get('via')) pieces.push(`via @${params.get('via')}`);
      clearPage();
      column.replaceChildren(header(W.postHeading));
      openModal({ text: pieces.filter(Boolean).join(' '), returnTo: '/home' });
    }

    function route() {
      for (const modal of [...modals]) modal.close(false);
      const path = location.pathname;
      if (path === '/intent/tweet') history.replaceState(null, '', `/intent/post${location.search}`);
      const status = /^\/([A-Za-z0-9_]+)\/status\/(\d+)/.exec(location.pathname);
      if (location.pathname === '/intent/post') renderIntent();
      else if (status) renderStatus(status[2]);
      else {
        renderHome();
        if (location.pathname === '/compose/post') openModal({ returnTo: '/home' });
      }
    }

    document.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      const newPost = target.closest('[data-testid="SideNav_NewTweet_Button"]');
      if (newPost) {
        event.preventDefault();
        openModal({ returnTo: location.pathname + location.search });
        return;
      }
      const reply = target.closest('[data-testid="reply"]');
      if (reply) {
        const article = reply.closest('article[data-testid="tweet"]');
        const replyTo = feedPosts.find((post) => post.id === article?.getAttribute('data-tweet-id')) ?? feedPosts[0];
        openModal({ replyTo, returnTo: location.pathname + location.search });
        return;
      }
      const link = target.closest('a[href^="/"]');
      if (link && !link.closest('[data-testid="toast"]') && !event.defaultPrevented) {
        event.preventDefault();
        history.pushState(null, '', link.getAttribute('href'));
        route();
      }
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && modals.length) modals[modals.length - 1].close();
    });
    window.addEventListener('popstate', route);
    route();

    window.__fixtureSite = { site: 'x', mode, openModal, setTheme: (name) => window.FixtureThemes.apply('x', name) };
  }

  window.XFixture = { start };
})();
