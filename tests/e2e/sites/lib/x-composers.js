/**
 * The X fixture's composers (part of x.js, loaded before it, after x-markup.js): a Draft.js-like
 * editor with its post button, enabled up to 280 weighted characters (x-weight.js); posting calls
 * CreateTweet and shows the toast in `layers` (an error toast, the composer kept, when CreateTweet
 * fails). Handed on in `window.XFixtureParts`.
 */
(function () {
  'use strict';

  const { draft } = window.FixtureEditors;
  const { newId, delay } = window.FixtureFeed;
  const { ME, W, esc, html, composerMarkup } = window.XFixtureParts;
  const { weightedLength, MAX } = window.XFixtureWeight;
  const QUERY_ID = 'oB-5XsHNAbjvARJEc8CZFw';

  /** The composers of a page whose toasts go into `layers`. */
  function composers({ layers }) {
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
        const enabled = value.trim() !== '' && weightedLength(value) <= MAX;
        button.disabled = !enabled;
        button.setAttribute('aria-disabled', String(!enabled));
      };
      const publish = async () => {
        if (composer.publishing || button.disabled) return;
        composer.publishing = true;
        const value = composer.editor.text;
        button.disabled = true;
        button.setAttribute('aria-disabled', 'true');
        const id = newId();
        const operation = weightedLength(value) > MAX ? 'CreateNoteTweet' : 'CreateTweet';
        const [response] = await Promise.all([
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
        if (response && !response.ok) {
          // X's error toast; the composer keeps the text, Post enabled again.
          showError();
          refresh();
          return;
        }
        window.__posts.push(value);
        showToast(id);
        onPublished(composer, {
          id,
          name: ME.name,
          handle: ME.handle,
          age: W.now,
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
    <div><span>${esc(W.sent)}</span></div>
    <a href="/${ME.handle}/status/${id}" role="link">${esc(W.view)}</a>
  </div>
</div>`);
      layers.append(toast);
      setTimeout(() => toast.remove(), 15_000);
    }

    function showError() {
      const toast = html(`
<div class="toast-layer">
  <div data-testid="toast" role="alert" class="toast">
    <div><span>Something went wrong, but don’t fret — let’s give it another shot.</span></div>
  </div>
</div>`);
      layers.append(toast);
      setTimeout(() => toast.remove(), 15_000);
    }

    return { mountComposer };
  }

  window.XFixtureParts = { ...window.XFixtureParts, composers };
})();
