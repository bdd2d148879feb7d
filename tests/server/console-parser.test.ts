/** The link-preview HTML parser on fixtures: no network. */
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../server/services/link-preview/fetch';
import { decodeEntities, parsePreview } from '../../server/services/link-preview/parse';

const PAGE = 'https://news.example.com/2026/launch?x=1';

describe('parsePreview', () => {
  it('reads OpenGraph tags, resolving a relative og:image against the page', () => {
    const html = `<!doctype html>
      <html><head>
        <meta charset="utf-8">
        <title>Fallback title</title>
        <meta property="og:title" content="Relay launches today">
        <meta property="og:description" content="Employee advocacy, in one click.">
        <meta property="og:image" content="/img/launch.png">
        <meta property="og:site_name" content="Northwind News">
        <meta name="description" content="Plain description">
      </head><body><h1>Hi</h1></body></html>`;
    expect(parsePreview(html, PAGE)).toEqual({
      title: 'Relay launches today',
      description: 'Employee advocacy, in one click.',
      imageUrl: 'https://news.example.com/img/launch.png',
      siteName: 'Northwind News',
      url: PAGE,
    });
  });

  it('falls back to Twitter card tags, then <title> and meta description', () => {
    const twitter = `<head><meta name="twitter:title" content="Tweet title"><meta name="twitter:image" content="https://cdn.example.com/t.jpg"><title>Doc</title></head>`;
    expect(parsePreview(twitter, PAGE)).toMatchObject({
      title: 'Tweet title',
      imageUrl: 'https://cdn.example.com/t.jpg',
    });

    const plain = `<HTML><HEAD><TITLE>  Quarterly\n   results  </TITLE><META NAME="Description" CONTENT="Numbers went up."></HEAD></HTML>`;
    expect(parsePreview(plain, PAGE)).toEqual({
      title: 'Quarterly results',
      description: 'Numbers went up.',
      imageUrl: null,
      siteName: null,
      url: PAGE,
    });
  });

  it('decodes entities in attributes and the title', () => {
    const html = `<title>Tom &amp; Jerry&#8217;s &quot;caf&eacute;&quot; &#x1F600; &hellip;</title>
      <meta property="og:description" content="5 &lt; 6 &amp;&amp; 7 &gt; 3 &nbsp;&copy; &#150; &unknown; & done">`;
    const preview = parsePreview(html, PAGE);
    expect(preview.title).toBe('Tom & Jerry’s "café" 😀 …');
    expect(preview.description).toBe('5 < 6 && 7 > 3 © – &unknown; & done');
  });

  it('tolerates odd markup: single quotes, unquoted values, attribute order, self-closing, missing closers', () => {
    const html = `<meta content='Single quoted' property='og:title'/>
      <meta property=og:site_name content=Unquoted>
      <meta property="og:image" content="  https://img.example.com/a.png  " />
      <meta property="og:description" content="first"><meta property="og:description" content="second">
      <p>text <b>bold</p><meta property="og:title" content="Later title">
      <title>Never closed`;
    expect(parsePreview(html, PAGE)).toEqual({
      title: 'Single quoted',
      description: 'first',
      imageUrl: 'https://img.example.com/a.png',
      siteName: 'Unquoted',
      url: PAGE,
    });
  });

  it('ignores tags inside comments, scripts, styles and SVG', () => {
    const html = `<!-- <meta property="og:title" content="Commented"> -->
      <script>var s = '<meta property="og:title" content="Scripted">'; if (a < b) {}</script>
      <style>/* <title>Styled</title> */</style>
      <svg><title>Icon title</title></svg>
      <script type="application/ld+json">{"name": "</scrip"}</script>
      <meta property="og:title" content="Real title">
      <title>Document title</title>`;
    const preview = parsePreview(html, PAGE);
    expect(preview.title).toBe('Real title');
    expect(parsePreview(`<svg><title>Icon</title></svg><title>Doc</title>`, PAGE).title).toBe('Doc');
  });

  it('keeps only http(s) images and honours <base href>', () => {
    expect(parsePreview(`<meta property="og:image" content="javascript:alert(1)">`, PAGE).imageUrl).toBeNull();
    expect(parsePreview(`<meta property="og:image" content="data:image/png;base64,AAAA">`, PAGE).imageUrl).toBeNull();
    expect(parsePreview(`<meta property="og:image" content="//cdn.example.net/x.png">`, PAGE).imageUrl).toBe(
      'https://cdn.example.net/x.png',
    );
    expect(
      parsePreview(`<base href="https://static.example.org/assets/"><meta property="og:image" content="a.png">`, PAGE)
        .imageUrl,
    ).toBe('https://static.example.org/assets/a.png');
  });

  it('answers nulls for a page without any of it, and for empty values', () => {
    expect(parsePreview('', PAGE)).toEqual({
      title: null,
      description: null,
      imageUrl: null,
      siteName: null,
      url: PAGE,
    });
    expect(parsePreview('<meta property="og:title" content="   "><title></title>', PAGE).title).toBeNull();
    expect(parsePreview('just text, no markup < > & at all', PAGE).title).toBeNull();
  });

  it('shortens very long values', () => {
    const long = 'x'.repeat(5000);
    const preview = parsePreview(
      `<meta property="og:title" content="${long}"><meta name="description" content="${long}">`,
      PAGE,
    );
    expect(preview.title!.length).toBeLessThanOrEqual(300);
    expect(preview.title!.endsWith('…')).toBe(true);
    expect(preview.description!.length).toBeLessThanOrEqual(1000);
  });

  it('stays linear on hostile input (unclosed quotes, endless tags, many ampersands)', () => {
    const hostile = [
      '<meta content="' + 'a'.repeat(200_000),
      '<' + 'a '.repeat(100_000),
      '<title>' + '&amp'.repeat(50_000),
      '</'.repeat(100_000) + '<script>' + '</scrip'.repeat(50_000),
      '<!--' + '-'.repeat(200_000),
      '<a b='.repeat(50_000),
    ];
    const started = performance.now();
    for (const html of hostile) parsePreview(html, PAGE);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references, Windows-1252 numerics, and leaves the rest', () => {
    expect(decodeEntities('&lt;b&gt; &#65;&#x42;&#X43; &#146; &#0; &#xD800; &bogus; &amp')).toBe(
      '<b> ABC ’ \ufffd \ufffd &bogus; &',
    );
    expect(decodeEntities('no entities')).toBe('no entities');
  });
});

describe('decodeHtml', () => {
  it('uses the Content-Type charset, else <meta charset>, else UTF-8', () => {
    const latin1 = Buffer.from('<title>Caf\xe9</title>', 'latin1');
    expect(decodeHtml(latin1, 'text/html; charset=ISO-8859-1')).toBe('<title>Café</title>');
    const withMeta = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><title>', 'latin1'),
      Buffer.from([0x93, 0x41, 0x94]),
      Buffer.from('</title>'),
    ]);
    expect(parsePreview(decodeHtml(withMeta, 'text/html'), PAGE).title).toBe('“A”');
    expect(decodeHtml(Buffer.from('<title>Café ✓</title>'), 'text/html')).toBe('<title>Café ✓</title>');
    expect(decodeHtml(Buffer.from('<title>x</title>'), 'text/html; charset=no-such-charset')).toBe('<title>x</title>');
  });
});
