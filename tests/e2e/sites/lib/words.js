/**
 * The words of the LinkedIn and X fixtures' interfaces in English, German and Japanese, as the
 * real sites word them (buttons, labels, placeholders, toasts). The page's language is
 * `<html lang>` (tests/e2e/sites.ts sets it when serving); English when the page names another.
 *
 * `FixtureWords.words(site)` gives a site's table for the page's language (`table(site, lang)` any
 * language's); `format(word, values)`
 * fills `{name}` slots; `localize(root)` puts the words into a page's static markup, where
 * `data-words="text:key; aria-label:key"` names them, and removes that attribute (the real sites
 * carry nothing like it). `options()` reads (and removes) the fixture's structural options, which
 * sites.ts puts in `<html data-fixture-options>` as JSON.
 */
(function () {
  'use strict';

  const LINKEDIN = {
    en: {
      title: 'Feed | LinkedIn',
      nav: 'Home · My Network · Jobs · Messaging · Notifications',
      navLabel: 'Primary Navigation',
      mainFeed: 'Main Feed',
      startPost: 'Start a post',
      video: 'Video',
      photo: 'Photo',
      writeArticle: 'Write article',
      addVideo: 'Add a video',
      addPhoto: 'Add a photo',
      feedUpdates: 'Feed updates',
      createPost: 'Create a post',
      dismiss: 'Dismiss',
      postToAnyone: 'Post to Anyone',
      editorLabel: 'Text editor for creating content',
      placeholder: 'What do you want to talk about?',
      addMedia: 'Add media',
      createEvent: 'Create an event',
      more: 'More',
      schedulePost: 'Schedule post',
      post: 'Post',
      posted: 'Post successful.',
      viewPost: 'View post',
      dismissPosted: 'Dismiss “Post successful.” notification',
      postBy: 'Feed post by {name}',
      follow: '+ Follow',
      seeMore: '…more',
      comments: '{n} comments',
      reposts: '{n} reposts',
      reactions: '{n} reactions · {c} comments',
      like: 'Like',
      reactLike: 'React Like',
      comment: 'Comment',
      repost: 'Repost',
      send: 'Send',
      sendPrivately: 'Send in a private message',
      now: 'now',
    },
    de: {
      title: 'Feed | LinkedIn',
      nav: 'Startseite · Mein Netzwerk · Jobs · Nachrichten · Mitteilungen',
      navLabel: 'Hauptnavigation',
      mainFeed: 'Haupt-Feed',
      startPost: 'Beitrag beginnen',
      video: 'Video',
      photo: 'Foto',
      writeArticle: 'Artikel schreiben',
      addVideo: 'Video hinzufügen',
      addPhoto: 'Foto hinzufügen',
      feedUpdates: 'Feed-Updates',
      createPost: 'Beitrag erstellen',
      dismiss: 'Verwerfen',
      postToAnyone: 'Beitrag für alle',
      editorLabel: 'Texteditor zum Erstellen von Inhalten',
      placeholder: 'Worüber möchten Sie sprechen?',
      addMedia: 'Medien hinzufügen',
      createEvent: 'Veranstaltung erstellen',
      more: 'Mehr',
      schedulePost: 'Beitrag planen',
      post: 'Posten',
      posted: 'Beitrag erfolgreich veröffentlicht.',
      viewPost: 'Beitrag anzeigen',
      dismissPosted: 'Benachrichtigung „Beitrag erfolgreich veröffentlicht.“ verwerfen',
      postBy: 'Feed-Beitrag von {name}',
      follow: '+ Folgen',
      seeMore: '…mehr',
      comments: '{n} Kommentare',
      reposts: '{n} Reposts',
      reactions: '{n} Reaktionen · {c} Kommentare',
      like: 'Gefällt mir',
      reactLike: 'Mit „Gefällt mir“ reagieren',
      comment: 'Kommentieren',
      repost: 'Reposten',
      send: 'Senden',
      sendPrivately: 'Als private Nachricht senden',
      now: 'jetzt',
    },
    ja: {
      title: 'フィード | LinkedIn',
      nav: 'ホーム · ネットワーク · 求人 · メッセージ · お知らせ',
      navLabel: 'メインナビゲーション',
      mainFeed: 'メインフィード',
      startPost: '投稿を開始',
      video: '動画',
      photo: '写真',
      writeArticle: '記事を執筆',
      addVideo: '動画を追加',
      addPhoto: '写真を追加',
      feedUpdates: 'フィードの更新',
      createPost: '投稿を作成',
      dismiss: '閉じる',
      postToAnyone: '全員に投稿',
      editorLabel: 'コンテンツ作成用のテキストエディター',
      placeholder: '何について話したいですか？',
      addMedia: 'メディアを追加',
      createEvent: 'イベントを作成',
      more: 'その他',
      schedulePost: '投稿を予約',
      post: '投稿',
      posted: '投稿しました。',
      viewPost: '投稿を表示',
      dismissPosted: '「投稿しました。」の通知を閉じる',
      postBy: '{name}さんのフィード投稿',
      follow: '+ フォロー',
      seeMore: '…もっと見る',
      comments: 'コメント{n}件',
      reposts: 'リポスト{n}件',
      reactions: 'リアクション{n}件 · コメント{c}件',
      like: 'いいね！',
      reactLike: 'いいね！でリアクション',
      comment: 'コメント',
      repost: 'リポスト',
      send: '送信',
      sendPrivately: 'メッセージで送信',
      now: 'たった今',
    },
  };

  const X = {
    en: {
      title: 'Home / X',
      home: 'Home',
      explore: 'Explore',
      exploreLabel: 'Search and explore',
      notifications: 'Notifications',
      primary: 'Primary',
      post: 'Post',
      reply: 'Reply',
      postHeading: 'Post',
      close: 'Close',
      drafts: 'Drafts',
      placeholder: 'What is happening?!',
      replyPlaceholder: 'Post your reply',
      replyingTo: 'Replying to',
      postText: 'Post text',
      postOptions: 'Post options',
      addMedia: 'Add photos or video',
      addGif: 'Add a GIF',
      addPoll: 'Add poll',
      addEmoji: 'Add emoji',
      sent: 'Your post was sent.',
      view: 'View',
      homeTimeline: 'Timeline: Your Home Timeline',
      conversation: 'Timeline: Conversation',
      counts: '{c} replies, {r} reposts, {l} likes',
      replies: '{n} Replies. Reply',
      reposts: '{n} reposts. Repost',
      likes: '{n} Likes. Like',
      views: '{n} views. View post analytics',
      bookmark: 'Bookmark',
      now: 'now',
    },
    de: {
      title: 'Startseite / X',
      home: 'Startseite',
      explore: 'Entdecken',
      exploreLabel: 'Suchen und entdecken',
      notifications: 'Mitteilungen',
      primary: 'Primär',
      post: 'Posten',
      reply: 'Antworten',
      postHeading: 'Post',
      close: 'Schließen',
      drafts: 'Entwürfe',
      placeholder: 'Was gibt’s Neues?',
      replyPlaceholder: 'Antwort posten',
      replyingTo: 'Antwort an',
      postText: 'Post-Text',
      postOptions: 'Post-Optionen',
      addMedia: 'Fotos oder Videos hinzufügen',
      addGif: 'GIF hinzufügen',
      addPoll: 'Umfrage hinzufügen',
      addEmoji: 'Emoji hinzufügen',
      sent: 'Ihr Post wurde gesendet.',
      view: 'Anzeigen',
      homeTimeline: 'Timeline: Deine Startseiten-Timeline',
      conversation: 'Timeline: Unterhaltung',
      counts: '{c} Antworten, {r} Reposts, {l} „Gefällt mir“-Angaben',
      replies: '{n} Antworten. Antworten',
      reposts: '{n} Reposts. Reposten',
      likes: '{n} „Gefällt mir“-Angaben. Gefällt mir',
      views: '{n} Ansichten. Post-Analytics anzeigen',
      bookmark: 'Lesezeichen',
      now: 'jetzt',
    },
    ja: {
      title: 'ホーム / X',
      home: 'ホーム',
      explore: '話題を検索',
      exploreLabel: '検索と話題',
      notifications: '通知',
      primary: 'メイン',
      post: 'ポストする',
      reply: '返信',
      postHeading: 'ポスト',
      close: '閉じる',
      drafts: '下書き',
      placeholder: 'いまどうしてる？',
      replyPlaceholder: '返信をポスト',
      replyingTo: '返信先:',
      postText: 'ポスト本文',
      postOptions: 'ポストのオプション',
      addMedia: '画像や動画を追加',
      addGif: 'GIFを追加',
      addPoll: 'アンケートを追加',
      addEmoji: '絵文字を追加',
      sent: 'ポストを送信しました。',
      view: '表示',
      homeTimeline: 'タイムライン: ホームタイムライン',
      conversation: 'タイムライン: 会話',
      counts: '{c} 件の返信、{r} 件のリポスト、{l} 件のいいね',
      replies: '{n} 件の返信。返信する',
      reposts: '{n} 件のリポスト。リポスト',
      likes: '{n} 件のいいね。いいねする',
      views: '{n} 件の表示。ポストのアナリティクスを表示',
      bookmark: 'ブックマーク',
      now: 'たった今',
    },
  };

  const TABLES = { linkedin: LINKEDIN, x: X };

  /** The page's language, when the fixtures speak it; else English. */
  function lang() {
    const named = document.documentElement.lang.split('-')[0];
    return Object.hasOwn(LINKEDIN, named) ? named : 'en';
  }

  function words(site) {
    return TABLES[site][lang()];
  }

  /** `word` with its `{name}` slots filled from `values`. */
  function format(word, values) {
    return word.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  }

  /** Puts `site`'s words into the static markup under `root` (`data-words`), and the page's title. */
  function localize(site, root = document) {
    const table = words(site);
    for (const element of root.querySelectorAll('[data-words]')) {
      for (const pair of element.getAttribute('data-words').split(';')) {
        const [target, key] = pair.split(':').map((part) => part.trim());
        if (!Object.hasOwn(table, key)) throw new Error(`no ${site} word "${key}"`);
        if (target === 'text') element.textContent = table[key];
        else element.setAttribute(target, table[key]);
      }
      element.removeAttribute('data-words');
    }
    document.title = table.title;
  }

  /** The fixture's structural options (sites.ts `FixtureOptions`), read once and taken off the page. */
  let taken = null;
  function options() {
    if (taken) return taken;
    const root = document.documentElement;
    taken = JSON.parse(root.getAttribute('data-fixture-options') ?? '{}');
    root.removeAttribute('data-fixture-options');
    return taken;
  }

  /** A site's table in `language` (tests compare the page with it). */
  const table = (site, language) => TABLES[site][language];

  window.FixtureWords = { lang, words, table, format, localize, options };
})();
