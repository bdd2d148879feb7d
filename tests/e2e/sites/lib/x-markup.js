/**
 * The X fixture's markup (part of x.js, loaded before it): the page's stylesheet, tweets and the
 * Draft.js composer with its toolbar. Handed on in `window.XFixtureParts`, which x.js removes once
 * loaded.
 */
(function () {
  'use strict';

  const ME = { name: 'Ada Advocate', handle: 'ada_advocate' };
  /** The interface's words in the page's language (words.js). */
  const W = window.FixtureWords.words('x');
  const { format } = window.FixtureWords;

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
body { margin: 0; font: 15px/1.3 system-ui, sans-serif; color: var(--x-text, #0f1419); }
.app { display: flex; justify-content: center; }
header[role="banner"] { width: 240px; padding: 12px; }
header[role="banner"] a { display: block; padding: 12px; color: inherit; text-decoration: none; font-size: 20px; }
[data-testid="SideNav_NewTweet_Button"] { background: #1d9bf0; color: #fff !important; border-radius: 9999px; text-align: center; font-weight: 700; }
main { width: 600px; border-left: 1px solid var(--x-border, #eff3f4); border-right: 1px solid var(--x-border, #eff3f4); min-height: 100vh; }
.column-header { padding: 12px 16px; font-weight: 700; font-size: 20px; border-bottom: 1px solid var(--x-border, #eff3f4); }
article[data-testid="tweet"] { display: flex; gap: 12px; padding: 12px 16px; border-bottom: 1px solid var(--x-border, #eff3f4); }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: var(--x-avatar, #cfd9de); flex: none; }
.tweet__body { flex: 1; }
[data-testid="tweetText"] { white-space: pre-wrap; margin: 4px 0; }
.tweet__actions { display: flex; justify-content: space-between; max-width: 425px; }
.tweet__actions button, .tweet__actions a { background: none; border: 0; color: var(--x-muted, #536471); font-size: 13px; text-decoration: none; }
.composer { display: flex; gap: 12px; padding: 12px 16px; border-bottom: 1px solid var(--x-border, #eff3f4); }
.composer__main { flex: 1; min-width: 0; }
.replying-to { color: var(--x-muted, #536471); margin-bottom: 4px; }
.DraftEditor-root { position: relative; font-size: 20px; min-height: 52px; padding: 8px 0; }
.public-DraftEditorPlaceholder-root { position: absolute; color: var(--x-muted, #536471); pointer-events: none; }
.public-DraftEditor-content { min-height: 28px; }
[data-testid="toolBar"] { display: flex; justify-content: space-between; align-items: center; border-top: 1px solid var(--x-border, #eff3f4); padding-top: 8px; }
[data-testid="toolBar"] nav button { background: none; border: 0; color: var(--x-link, #0b6bb0); font-size: 16px; }
.post-button { background: var(--x-strong, #0f1419); color: var(--x-on-strong, #fff); border: 0; border-radius: 9999px; padding: 8px 16px; font-weight: 700; }
.post-button:disabled { opacity: .5; }
.layer { position: fixed; inset: 0; z-index: 10; display: flex; justify-content: center; align-items: flex-start; }
.mask { position: absolute; inset: 0; background: var(--x-mask, rgba(0,0,0,.4)); }
[role="dialog"] { position: relative; background: var(--x-page, #fff); color: var(--x-text, #0f1419); width: 600px; margin-top: 5vh; border-radius: 16px; }
.dialog__bar { display: flex; justify-content: space-between; padding: 8px 16px; }
.dialog__bar button { background: none; border: 0; color: inherit; font: inherit; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.toast-layer { position: fixed; bottom: 24px; left: 0; right: 0; display: flex; justify-content: center; z-index: 20; }
[data-testid="toast"] { background: #1d9bf0; color: #fff; border-radius: 4px; padding: 12px 16px; display: flex; gap: 24px; }
[data-testid="toast"] a { color: #fff; font-weight: 700; }
/* The phone layout: no side nav, the column and the compose modal take the whole width. */
@media (max-width: 700px) {
  header[role="banner"] { display: none; }
  main { width: 100%; border: 0; }
  [role="dialog"] { width: 100%; margin-top: 0; border-radius: 0; min-height: 100vh; }
}
`;

  // --- markup -------------------------------------------------------------------------------------

  const tweet = (post) =>
    html(`
<article data-testid="tweet" role="article" tabindex="0" data-tweet-id="${post.id}">
  <div class="avatar" data-testid="Tweet-User-Avatar"></div>
  <div class="tweet__body">
    <div data-testid="User-Name"><a href="/${post.handle}" role="link"><span>${esc(post.name)}</span></a>
      <span>@${post.handle}</span> · <a href="/${post.handle}/status/${post.id}" role="link" class="tweet__time"><time>${esc(post.age)}</time></a></div>
    <div data-testid="tweetText" lang="en" dir="auto">${esc(post.short)}</div>
    <div role="group" class="tweet__actions"
         aria-label="${esc(format(W.counts, { c: post.comments, r: post.reposts, l: post.reactions }))}">
      <button type="button" data-testid="reply" aria-label="${esc(format(W.replies, { n: post.comments }))}">💬 ${post.comments}</button>
      <button type="button" data-testid="retweet" aria-label="${esc(format(W.reposts, { n: post.reposts }))}">🔁 ${post.reposts}</button>
      <button type="button" data-testid="like" aria-label="${esc(format(W.likes, { n: post.reactions }))}">♡ ${post.reactions}</button>
      <a href="/${post.handle}/status/${post.id}/analytics" aria-label="${esc(format(W.views, { n: post.views }))}">📊 ${post.views}</a>
      <button type="button" data-testid="bookmark" aria-label="${esc(W.bookmark)}">🔖</button>
    </div>
  </div>
</article>`);

  let composerCount = 0;

  function composerMarkup({ inline, replyTo }) {
    composerCount += 1;
    const placeholderId = `placeholder-${composerCount}`;
    const placeholder = replyTo ? W.replyPlaceholder : W.placeholder;
    const testId = inline ? 'tweetButtonInline' : 'tweetButton';
    return html(`
<div class="composer">
  <div class="avatar" data-testid="UserAvatar-Container-${ME.handle}"></div>
  <div class="composer__main">
    ${replyTo ? `<div class="replying-to">${esc(W.replyingTo)} <a href="/${replyTo.handle}" role="link">@${replyTo.handle}</a></div>` : ''}
    <div data-testid="tweetTextarea_0RichTextInputContainer">
      <div class="DraftEditor-root">
        <div class="public-DraftEditorPlaceholder-root">
          <div class="public-DraftEditorPlaceholder-inner" id="${placeholderId}" style="white-space: pre-wrap;">${esc(placeholder)}</div>
        </div>
        <div class="DraftEditor-editorContainer">
          <div aria-describedby="${placeholderId}" aria-label="${esc(W.postText)}" aria-multiline="true"
               class="notranslate public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0"
               role="textbox" spellcheck="true" tabindex="0"
               style="outline: none; user-select: text; white-space: pre-wrap; overflow-wrap: break-word;"></div>
        </div>
      </div>
    </div>
    <div data-testid="toolBar">
      <nav role="navigation" aria-label="${esc(W.postOptions)}">
        <button type="button" aria-label="${esc(W.addMedia)}">🖼</button>
        <button type="button" aria-label="${esc(W.addGif)}">GIF</button>
        <button type="button" aria-label="${esc(W.addPoll)}">📊</button>
        <button type="button" aria-label="${esc(W.addEmoji)}">🙂</button>
      </nav>
      <div class="toolbar__actions">
        <button type="button" data-testid="${testId}" class="post-button" disabled aria-disabled="true">${esc(replyTo ? W.reply : W.post)}</button>
      </div>
    </div>
  </div>
</div>`);
  }

  window.XFixtureParts = { ...window.XFixtureParts, ME, W, esc, html, CSS, tweet, composerMarkup };
})();
