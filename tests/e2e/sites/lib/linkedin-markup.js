/**
 * The LinkedIn fixture's markup (part of linkedin.js, loaded before it): the Ember share box and its
 * stylesheet, the page's stylesheet, and feed posts of the Ember and React generations. Handed on in
 * `window.LinkedInFixtureParts`, which linkedin.js removes once loaded.
 */
(function () {
  'use strict';

  const AUTHOR = 'Ada Advocate';
  /** The interface's words in the page's language (words.js). */
  const W = window.FixtureWords.words('linkedin');
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

  // --- the Ember share box (old and shadow generations) ---------------------------------------

  const shareBox = () =>
    html(`
<div class="artdeco-modal-overlay artdeco-modal-overlay--layer-default artdeco-modal-overlay--is-top-layer ember-view">
  <div data-test-modal="" data-test-modal-id="sharebox" role="dialog" tabindex="-1"
       aria-labelledby="share-to-linkedin-modal__header"
       class="artdeco-modal artdeco-modal--layer-default share-box-v2__modal">
    <button aria-label="${esc(W.dismiss)}" data-test-modal-close-btn="" type="button"
            class="artdeco-modal__dismiss artdeco-button artdeco-button--circle artdeco-button--tertiary">✕</button>
    <div class="artdeco-modal__header share-box-v2__header">
      <h2 id="share-to-linkedin-modal__header" class="share-box-v2__title">${esc(W.createPost)}</h2>
      <button type="button" class="share-unified-settings-entry-button">
        <span class="share-unified-settings-entry-button__name">${AUTHOR}</span>
        <span class="share-unified-settings-entry-button__visibility">${esc(W.postToAnyone)}</span>
      </button>
    </div>
    <div class="artdeco-modal__content share-box-v2__modal-content">
      <div class="share-creation-state">
        <div class="share-creation-state__content-scrollable">
          <div class="share-creation-state__text-editor">
            <div class="editor-container">
              <div class="editor-content ql-container">
                <div class="ql-editor ql-blank" data-gramm="false" contenteditable="true" role="textbox"
                     aria-multiline="true" aria-label="${esc(W.editorLabel)}"
                     aria-placeholder="${esc(W.placeholder)}" data-placeholder="${esc(W.placeholder)}"
                     data-test-ql-editor-contenteditable="true"></div>
                <div class="ql-clipboard" contenteditable="true" tabindex="-1"></div>
              </div>
            </div>
          </div>
        </div>
        <div class="share-creation-state__footer">
          <div class="share-creation-state__additional-toolbar">
            <button type="button" class="artdeco-button artdeco-button--circle" aria-label="${esc(W.addMedia)}">🖼</button>
            <button type="button" class="artdeco-button artdeco-button--circle" aria-label="${esc(W.createEvent)}">📅</button>
            <button type="button" class="artdeco-button artdeco-button--circle" aria-label="${esc(W.more)}">…</button>
          </div>
          <div class="share-creation-state__schedule-and-post-container">
            <button type="button" class="share-actions__scheduled-post-btn artdeco-button" aria-label="${esc(W.schedulePost)}">🕒</button>
            <button type="button" disabled
                    class="share-actions__primary-action artdeco-button artdeco-button--2 artdeco-button--primary ember-view">
              <span class="artdeco-button__text">${esc(W.post)}</span>
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
.artdeco-modal { position: relative; background: var(--li-surface, #fff); color: var(--li-text, #191919); width: 744px; max-width: 95vw; margin-top: 48px; border-radius: 8px;
  box-shadow: 0 4px 24px rgba(0,0,0,.3); }
.artdeco-modal__dismiss { position: absolute; top: 12px; right: 12px; }
.artdeco-modal__header { padding: 16px 24px; border-bottom: 1px solid var(--li-border, #e8e8e8); }
.artdeco-modal__header h2 { margin: 0 0 8px; font-size: 20px; }
.artdeco-modal__content { padding: 0; }
.share-creation-state__text-editor { padding: 12px 24px; min-height: 220px; }
.ql-container { position: relative; }
.ql-editor { min-height: 200px; outline: none; white-space: pre-wrap; overflow-wrap: break-word; font-size: 18px; }
.ql-editor p { margin: 0; }
.ql-editor.ql-blank::before { content: attr(data-placeholder); color: var(--li-muted, #767676); position: absolute; pointer-events: none; }
.ql-clipboard { position: absolute; left: -10000px; height: 1px; overflow-y: hidden; }
.share-creation-state__footer { display: flex; justify-content: space-between; padding: 12px 24px; border-top: 1px solid var(--li-border, #e8e8e8); }
.share-actions__primary-action { background: var(--li-primary, #0a66c2); color: var(--li-on-primary, #fff); border: 0; border-radius: 16px; padding: 6px 16px; font-weight: 600; }
.share-actions__primary-action:disabled { background: var(--li-disabled, #e8e8e8); color: var(--li-on-disabled, #8c8c8c); }
.artdeco-button:not(.share-actions__primary-action) { color: inherit; background: var(--li-surface, #fff); border: 1px solid var(--li-border, #e8e8e8); }
`;

  const PAGE_CSS = `
body { margin: 0; background: var(--li-page, #f4f2ee); font: 14px/1.4 system-ui, sans-serif; color: var(--li-text, #191919); }
.global-nav { background: var(--li-surface, #fff); border-bottom: 1px solid var(--li-border, #e8e8e8); padding: 8px 24px; font-weight: 700; color: var(--li-brand, #0a66c2); }
main { max-width: 560px; margin: 24px auto; }
.share-box-feed-entry, .feed-post, [data-view-name="share-box"] { background: var(--li-surface, #fff); border-radius: 8px; padding: 12px 16px; margin-bottom: 8px; }
.share-box-feed-entry__trigger, [data-view-name="share-box"] > :first-child { display: block; width: 100%; text-align: left; border: 1px solid var(--li-muted, #999);
  border-radius: 35px; padding: 12px 16px; background: var(--li-surface, #fff); color: var(--li-muted, #666); text-decoration: none; cursor: pointer; }
.avatar { width: 48px; height: 48px; border-radius: 50%; background: var(--li-avatar, #cde); display: inline-flex; align-items: center; justify-content: center; }
.feed-post__actor { display: flex; gap: 8px; }
.feed-post__text { margin: 8px 0; white-space: normal; }
.feed-post__actions { display: flex; justify-content: space-around; border-top: 1px solid var(--li-border, #e8e8e8); padding-top: 4px; }
.feed-post__actions button { background: none; border: 0; color: var(--li-muted, #666); font-weight: 600; padding: 8px; }
.artdeco-toasts_toasts, .toasts { position: fixed; left: 24px; bottom: 24px; z-index: 2000; list-style: none; margin: 0; padding: 0; }
.artdeco-toast-item, .toast { background: var(--li-surface, #fff); border-radius: 8px; box-shadow: 0 4px 12px rgba(0,0,0,.2); padding: 12px 16px; margin-top: 8px; }
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
     aria-label="${esc(format(W.postBy, { name: post.name }))}">
  <div class="update-components-actor feed-post__actor">
    <div class="avatar update-components-actor__avatar" aria-hidden="true">${esc(initials(post.name))}</div>
    <div class="update-components-actor__meta">
      <span class="update-components-actor__title"><span dir="ltr">${esc(post.name)}</span></span>
      <span class="update-components-actor__description">${esc(post.headline)}</span>
      <span class="update-components-actor__sub-description">${esc(post.age)} • 🌐</span>
    </div>
    <button type="button" class="follow-button artdeco-button">${esc(W.follow)}</button>
  </div>
  <div class="feed-shared-update-v2__description-wrapper">
    <div class="feed-shared-inline-show-more-text">
      <div class="update-components-text feed-post__text"><span class="break-words"><span dir="ltr">${post.paragraphs
        .map(esc)
        .join('<br><br>')}</span></span></div>
      <button type="button" class="feed-shared-inline-show-more-text__see-more-less-toggle">${esc(W.seeMore)}</button>
    </div>
  </div>
  <div class="social-details-social-counts">
    <span class="social-details-social-counts__reactions-count">${post.reactions}</span>
    <button type="button">${esc(format(W.comments, { n: post.comments }))}</button> ·
    <button type="button">${esc(format(W.reposts, { n: post.reposts }))}</button>
  </div>
  <div class="feed-shared-social-action-bar feed-post__actions">
    <button type="button" aria-label="${esc(W.reactLike)}">${esc(W.like)}</button>
    <button type="button" aria-label="${esc(W.comment)}">${esc(W.comment)}</button>
    <button type="button" aria-label="${esc(W.repost)}">${esc(W.repost)}</button>
    <button type="button" aria-label="${esc(W.sendPrivately)}">${esc(W.send)}</button>
  </div>
</div>`);

  const reactPost = (post) =>
    html(`
<div class="feed-post" data-view-name="feed-full-update" role="article"
     aria-label="${esc(format(W.postBy, { name: post.name }))}">
  <div class="feed-post__actor" data-view-name="feed-actor-image">
    <div class="avatar" aria-hidden="true">${esc(initials(post.name))}</div>
    <div><p><strong>${esc(post.name)}</strong></p><p>${esc(post.headline)}</p><p>${esc(post.age)} • 🌐</p></div>
  </div>
  <p class="feed-post__text" data-view-name="feed-commentary" dir="ltr">${post.paragraphs.map(esc).join('<br><br>')}</p>
  <p>${esc(format(W.reactions, { n: post.reactions, c: post.comments }))}</p>
  <div class="feed-post__actions" data-view-name="feed-social-actions">
    <button type="button" data-view-name="reaction-button">${esc(W.like)}</button>
    <button type="button" data-view-name="feed-comment-button">${esc(W.comment)}</button>
    <button type="button" data-view-name="feed-repost-button">${esc(W.repost)}</button>
    <button type="button" data-view-name="feed-send-as-message-button">${esc(W.send)}</button>
  </div>
</div>`);

  window.LinkedInFixtureParts = {
    ...window.LinkedInFixtureParts,
    AUTHOR,
    W,
    format,
    esc,
    html,
    initials,
    shareBox,
    SHARE_BOX_CSS,
    PAGE_CSS,
    emberPost,
    reactPost,
  };
})();
