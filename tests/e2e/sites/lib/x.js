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
 */
(function () {
  'use strict';

  const { draft, xLength } = window.FixtureEditors;
  const { posts, newId, delay } = window.FixtureFeed;
  const ME = { name: 'Ada Advocate', handle: 'ada_advocate' };
  const QUERY_ID = 'oB-5XsHNAbjvARJEc8CZFw';
  const MAX = 280;

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

  const CSS = `
body { margin: 0; font: 15px/1.3 system-ui, sans-serif; color: #0f1419; background: #fff; }
.app { display: flex; justify-content: center; }
header[role="banner"] { width: 240px; padding: 12px; }
header[role="banner"] a { display: block; padding: 12px; color: inherit; text-decoration: none; font-size: 20px; }
[data-testid="SideNav_NewTweet_Button"] { background: #1d9bf0; color: #fff !important; border-radius: 9999px; text-align: center; font-weight: 700; }
main { width: 600px; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; min-height: 100vh; }
.column-header { padding: 12px 16px; font-weight: 700; font-size: 20px; border-bottom: 1px solid #eff3f4; }
article[data-testid="tweet"] { display: flex; gap: 12px; padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: #cfd9de; flex: none; }
.tweet__body { flex: 1; }
[data-testid="tweetText"] { white-space: pre-wrap; margin: 4px 0; }
.tweet__actions { display: flex; justify-content: space-between; max-width: 425px; }
.tweet__actions button, .tweet__actions a { background: none; border: 0; color: #536471; font-size: 13px; text-decoration: none; }
.composer { display: flex; gap: 12px; padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
.composer__main { flex: 1; min-width: 0; }
.replying-to { color: #536471; margin-bottom: 4px; }
.DraftEditor-root { position: relative; font-size: 20px; min-height: 52px; padding: 8px 0; }
.public-DraftEditorPlaceholder-root { position: absolute; color: #536471; pointer-events: none; }
.public-DraftEditor-content { min-height: 28px; }
[data-testid="toolBar"] { display: flex; justify-content: space-between; align-items: center; border-top: 1px solid #eff3f4; padding-top: 8px; }
[data-testid="toolBar"] nav button { background: none; border: 0; color: #1d9bf0; font-size: 16px; }
.post-button { background: #0f1419; color: #fff; border: 0; border-radius: 9999px; padding: 8px 16px; font-weight: 700; }
.post-button:disabled { opacity: .5; }
.layer { position: fixed; inset: 0; z-index: 10; display: flex; justify-content: center; align-items: flex-start; }
.mask { position: absolute; inset: 0; background: rgba(91,112,131,.4); }
[role="dialog"] { position: relative; background: #fff; width: 600px; margin-top: 5vh; border-radius: 16px; }
.dialog__bar { display: flex; justify-content: space-between; padding: 8px 16px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.toast-layer { position: fixed; bottom: 24px; left: 0; right: 0; display: flex; justify-content: center; z-index: 20; }
[data-testid="toast"] { background: #1d9bf0; color: #fff; border-radius: 4px; padding: 12px 16px; display: flex; gap: 24px; }
[data-testid="toast"] a { color: #fff; font-weight: 700; }
`;

  // --- markup -------------------------------------------------------------------------------------

  const tweet = (post) =>
    html(`
<article data-testid="tweet" role="article" tabindex="0" data-tweet-id="${post.id}">
  <div class="avatar" data-testid="Tweet-User-Avatar"></div>
  <div class="tweet__body">
    <div data-testid="User-Name"><a href="/${post.handle}" role="link"><span>${esc(post.name)}</span></a>
      <span>@${post.handle}</span> · <a href="/${post.handle}/status/${post.id}" role="link" class="tweet__time"><time>${post.age}</time></a></div>
    <div data-testid="tweetText" lang="en" dir="auto">${esc(post.short)}</div>
    <div role="group" class="tweet__actions" aria-label="${post.comments} replies, ${post.reposts} reposts, ${post.reactions} likes">
      <button type="button" data-testid="reply" aria-label="${post.comments} Replies. Reply">💬 ${post.comments}</button>
      <button type="button" data-testid="retweet" aria-label="${post.reposts} reposts. Repost">🔁 ${post.reposts}</button>
      <button type="button" data-testid="like" aria-label="${post.reactions} Likes. Like">♡ ${post.reactions}</button>
      <a href="/${post.handle}/status/${post.id}/analytics" aria-label="${post.views} views. View post analytics">📊 ${post.views}</a>
      <button type="button" data-testid="bookmark" aria-label="Bookmark">🔖</button>
    </div>
  </div>
</article>`);

  let composerCount = 0;

  function composerMarkup({ inline, replyTo }) {
    composerCount += 1;
    const placeholderId = `placeholder-${composerCount}`;
    const placeholder = replyTo ? 'Post your reply' : 'What is happening?!';
    const testId = inline ? 'tweetButtonInline' : 'tweetButton';
    return html(`
<div class="composer">
  <div class="avatar" data-testid="UserAvatar-Container-${ME.handle}"></div>
  <div class="composer__main">
    ${replyTo ? `<div class="replying-to">Replying to <a href="/${replyTo.handle}" role="link">@${replyTo.handle}</a></div>` : ''}
    <div data-testid="tweetTextarea_0RichTextInputContainer">
      <div class="DraftEditor-root">
        <div class="public-DraftEditorPlaceholder-root">
          <div class="public-DraftEditorPlaceholder-inner" id="${placeholderId}" style="white-space: pre-wrap;">${placeholder}</div>
        </div>
        <div class="DraftEditor-editorContainer">
          <div aria-describedby="${placeholderId}" aria-label="Post text" aria-multiline="true"
               class="notranslate public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0"
               role="textbox" spellcheck="true" tabindex="0"
               style="outline: none; user-select: text; white-space: pre-wrap; overflow-wrap: break-word;"></div>
        </div>
      </div>
    </div>
    <div data-testid="toolBar">
      <nav role="navigation" aria-label="Post options">
        <button type="button" aria-label="Add photos or video">🖼</button>
        <button type="button" aria-label="Add a GIF">GIF</button>
        <button type="button" aria-label="Add poll">📊</button>
        <button type="button" aria-label="Add emoji">🙂</button>
      </nav>
      <div class="toolbar__actions">
        <button type="button" data-testid="${testId}" class="post-button" disabled aria-disabled="true">${replyTo ? 'Reply' : 'Post'}</button>
      </div>
    </div>
  </div>
</div>`);
  }

  function start({ mode, posts: count = 8 }) {
    const style = document.createElement('style');
    style.textContent = CSS;
    document.head.append(style);
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
      timeline = null;
    };

    window.__appendPosts = (n) => {
      const more = posts(n, shown);
      shown += n;
      feedPosts.push(...more);
      if (timeline) {
        const fragment = document.createDocumentFragment();
        for (const post of more) fragment.append(tweet(post));
        timeline.append(fragment);
      }
      return feedPosts.length;
    };

    // --- composers ----------------------------------------------------------------------------

    function mountComposer({ inline, replyTo, text = '', onPublished }) {
      const element = composerMarkup({ inline, replyTo });
      const editorElement = element.querySelector('[data-testid="tweetTextarea_0"]');
      const button = element.querySelector(
        inline ? '[data-testid="tweetButtonInline"]' : '[data-testid="tweetButton"]',
      );
      const composer = { element, button, replyTo, publishing: false, editor: null };
      const refresh = () => {
        if (composer.publishing) return;
        const value = composer.editor.text;
        const enabled = value.trim() !== '' && xLength(value) <= MAX;
        button.disabled = !enabled;
        button.setAttribute('aria-disabled', String(!enabled));
      };
      const publish = async () => {
        if (composer.publishing || button.disabled) return;
        composer.publishing = true;
        const value = composer.editor.text;
        window.__posts.push(value);
        button.disabled = true;
        button.setAttribute('aria-disabled', 'true');
        const id = newId();
        const operation = xLength(value) > MAX ? 'CreateNoteTweet' : 'CreateTweet';
        await Promise.all([
          fetch(`/i/api/graphql/${QUERY_ID}/${operation}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': 'fixture' },
            body: JSON.stringify({
              variables: {
                tweet_text: value,
                reply: replyTo ? { in_reply_to_tweet_id: replyTo.id, exclude_reply_user_ids: [] } : undefined,
              },
              queryId: QUERY_ID,
            }),
          }).catch(() => null),
          delay(300),
        ]);
        composer.publishing = false;
        showToast(id);
        onPublished(composer, {
          id,
          name: ME.name,
          handle: ME.handle,
          age: 'now',
          short: value,
          comments: 0,
          reposts: 0,
          reactions: 0,
          views: 0,
        });
      };
      composer.editor = draft(editorElement, { text, onChange: refresh, onSubmit: publish });
      button.addEventListener('click', publish);
      refresh();
      return composer;
    }

    function showToast(id) {
      const toast = html(`
<div class="toast-layer">
  <div data-testid="toast" role="alert" class="toast">
    <div><span>Your post was sent.</span></div>
    <a href="/${ME.handle}/status/${id}" role="link">View</a>
  </div>
</div>`);
      layers.append(toast);
      setTimeout(() => toast.remove(), 15_000);
    }

    function openModal({ replyTo, text = '', returnTo }) {
      if (modals.length) return;
      const layer = html(`
<div class="layer">
  <div class="mask" data-testid="mask"></div>
  <div role="dialog" aria-modal="true" aria-labelledby="modal-header">
    <div class="dialog__bar">
      <button type="button" data-testid="app-bar-close" aria-label="Close">✕</button>
      <h2 id="modal-header" class="sr-only">${replyTo ? 'Reply' : 'Post'}</h2>
      <button type="button" class="drafts">Drafts</button>
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
          if (!replyTo && timeline) timeline.prepend(tweet(post));
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
        '<section role="region" aria-label="Timeline: Your Home Timeline"><div data-testid="timeline"></div></section>',
      );
      timeline = section.firstElementChild;
      const fragment = document.createDocumentFragment();
      for (const post of list) fragment.append(tweet(post));
      timeline.append(fragment);
      return section;
    }

    function renderHome() {
      clearPage();
      const parts = [header('Home')];
      if (mode === 'inline') {
        const composer = mountComposer({
          inline: true,
          onPublished: (c, post) => {
            c.editor.setText('');
            timeline?.prepend(tweet(post));
          },
        });
        pageComposers.push(composer);
        parts.push(composer.element);
      }
      parts.push(renderTimeline(feedPosts));
      column.replaceChildren(...parts);
    }

    function renderStatus(id) {
      const focal = feedPosts.find((post) => post.id === id) ?? { ...feedPosts[0], id };
      const parts = [header('Post'), tweet(focal)];
      const replies = html('<section role="region" aria-label="Timeline: Conversation"><div></div></section>');
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
      column.replaceChildren(header('Post'));
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

    window.__fixtureSite = { site: 'x', mode, openModal };
  }

  window.XFixture = { start };
})();
