/**
 * Reads a page's preview from its HTML: OpenGraph tags (og:title, og:description, og:image,
 * og:site_name), then Twitter card tags, then <title> and <meta name="description">.
 *
 * A small tolerant scanner, not a regular expression per tag: one pass over the text, each step
 * moving forward, so its time is linear in the page's size whatever the markup (unclosed tags,
 * stray quotes, huge attributes). Script, style, SVG and MathML content is skipped; comments too.
 * Entities are decoded (named, decimal, hex).
 */
import type { LinkPreview } from '../../../lib/console-schemas';

const LIMITS = { title: 300, description: 1000, siteName: 200 };
/** Elements whose content is not markup for our purposes: skipped to their end tag. */
const SKIPPED = new Set(['script', 'style', 'svg', 'math', 'template', 'iframe', 'noembed', 'noframes', 'xmp']);
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  iexcl: '¡',
  iquest: '¿',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  dagger: '†',
  Dagger: '‡',
  prime: '′',
  Prime: '″',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  hearts: '♥',
  check: '✓',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  auml: 'ä',
  aring: 'å',
  aelig: 'æ',
  ccedil: 'ç',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  euml: 'ë',
  igrave: 'ì',
  iacute: 'í',
  icirc: 'î',
  iuml: 'ï',
  ntilde: 'ñ',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ouml: 'ö',
  oslash: 'ø',
  ugrave: 'ù',
  uacute: 'ú',
  ucirc: 'û',
  uuml: 'ü',
  yacute: 'ý',
  yuml: 'ÿ',
  szlig: 'ß',
  Agrave: 'À',
  Aacute: 'Á',
  Acirc: 'Â',
  Atilde: 'Ã',
  Auml: 'Ä',
  Aring: 'Å',
  AElig: 'Æ',
  Ccedil: 'Ç',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Euml: 'Ë',
  Igrave: 'Ì',
  Iacute: 'Í',
  Icirc: 'Î',
  Iuml: 'Ï',
  Ntilde: 'Ñ',
  Ograve: 'Ò',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Otilde: 'Õ',
  Ouml: 'Ö',
  Oslash: 'Ø',
  Ugrave: 'Ù',
  Uacute: 'Ú',
  Ucirc: 'Û',
  Uuml: 'Ü',
  Yacute: 'Ý',
  oelig: 'œ',
  OElig: 'Œ',
  scaron: 'š',
  Scaron: 'Š',
};

/** Bytes and numeric references 0x80–0x9F mean Windows-1252 characters (HTML's rule). */
export const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

/** One character reference at a position: bounded length, so the scan stays linear. */
const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/y;

function codePoint(value: number): string {
  const mapped = WINDOWS_1252[value] ?? value;
  if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(mapped);
}

/** Decodes HTML character references; unknown ones are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let from = 0;
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
    REFERENCE.lastIndex = at;
    const match = REFERENCE.exec(text);
    if (!match) continue;
    let replacement: string | undefined;
    if (match[1] !== undefined) replacement = codePoint(Number(match[1]));
    else if (match[2] !== undefined) replacement = codePoint(parseInt(match[2], 16));
    else if (match[3] !== undefined && Object.hasOwn(NAMED_ENTITIES, match[3])) replacement = NAMED_ENTITIES[match[3]];
    if (replacement === undefined) continue;
    out += text.slice(from, at) + replacement;
    from = at + match[0].length;
    at = from - 1;
  }
  return out + text.slice(from);
}

function clean(value: string | undefined, max: number): string | null {
  if (value === undefined) return null;
  let text = decodeEntities(value)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (text === '') return null;
  if (text.length > max) {
    let cut = max - 1;
    // Never split a surrogate pair.
    if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--;
    text = `${text.slice(0, cut).trimEnd()}…`;
  }
  return text;
}

/** Where the end tag `</name` starts at or after `from` (any case), or -1. */
function findEndTag(html: string, from: number, name: string): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) {
      const next = html[at + 2 + name.length];
      if (next === undefined || next === '>' || next === '/' || WHITESPACE.has(next)) return at;
    }
  }
  return -1;
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** Index just past the tag's `>` (or the end of the text). */
  end: number;
  selfClosing: boolean;
}

const isNameChar = (ch: string) => /[A-Za-z0-9:_-]/.test(ch);

/** Reads a start tag whose name starts at `start` (just after `<`), following HTML's tokenizer loosely. */
function readTag(html: string, start: number): Tag {
  let at = start;
  while (at < html.length && isNameChar(html[at]!)) at++;
  const name = html.slice(start, at).toLowerCase();
  const attributes = new Map<string, string>();
  let selfClosing = false;
  while (at < html.length) {
    const ch = html[at]!;
    if (WHITESPACE.has(ch)) {
      at++;
      continue;
    }
    if (ch === '>') return { name, attributes, end: at + 1, selfClosing };
    if (ch === '/') {
      selfClosing = html[at + 1] === '>';
      at++;
      continue;
    }
    // An attribute name: up to whitespace, '/', '>' or '=' (a leading '=' belongs to the name).
    const nameStart = at;
    at++;
    while (at < html.length && !WHITESPACE.has(html[at]!) && html[at] !== '/' && html[at] !== '>' && html[at] !== '=')
      at++;
    const attribute = html.slice(nameStart, at).toLowerCase();
    while (at < html.length && WHITESPACE.has(html[at]!)) at++;
    let value = '';
    if (html[at] === '=') {
      at++;
      while (at < html.length && WHITESPACE.has(html[at]!)) at++;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        value = html.slice(at + 1, close < 0 ? html.length : close);
        at = close < 0 ? html.length : close + 1;
      } else {
        const valueStart = at;
        while (at < html.length && !WHITESPACE.has(html[at]!) && html[at] !== '>') at++;
        value = html.slice(valueStart, at);
      }
    }
    if (!attributes.has(attribute)) attributes.set(attribute, value);
  }
  return { name, attributes, end: html.length, selfClosing };
}

export interface ScannedHead {
  /** meta property/name (lower case) → content, first occurrence. */
  meta: Map<string, string>;
  title?: string;
  baseHref?: string;
}

/** One linear pass over the document collecting metas, the first <title> and <base href>. */
export function scanHtml(html: string): ScannedHead {
  const meta = new Map<string, string>();
  let title: string | undefined;
  let baseHref: string | undefined;
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    const next = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      at = close < 0 ? html.length : close + 3;
      continue;
    }
    if (next === '!' || next === '?' || next === '/') {
      // Doctype, processing instruction, CDATA or an end tag: nothing we need, skip to its '>'.
      const close = html.indexOf('>', lt + 2);
      at = close < 0 ? html.length : close + 1;
      continue;
    }
    if (next === undefined || !/[A-Za-z]/.test(next)) {
      at = lt + 1;
      continue;
    }
    const tag = readTag(html, lt + 1);
    at = tag.end;
    if (tag.name === 'meta') {
      const key = (tag.attributes.get('property') ?? tag.attributes.get('name') ?? tag.attributes.get('itemprop'))
        ?.trim()
        .toLowerCase();
      const content = tag.attributes.get('content');
      if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
    } else if (tag.name === 'base') {
      baseHref ??= tag.attributes.get('href');
    } else if (tag.name === 'title' && !tag.selfClosing) {
      const close = findEndTag(html, at, 'title');
      const text = html.slice(at, close < 0 ? html.length : close);
      title ??= text;
      at = close < 0 ? html.length : close;
    } else if (SKIPPED.has(tag.name) && !tag.selfClosing) {
      const close = findEndTag(html, at, tag.name);
      at = close < 0 ? html.length : close;
    }
  }
  return { meta, title, baseHref };
}

function absoluteHttpUrl(value: string | undefined, base: string): string | null {
  const text = value === undefined ? '' : decodeEntities(value).trim();
  if (text === '') return null;
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The preview of the page at `pageUrl` whose HTML is `html`. */
export function parsePreview(html: string, pageUrl: string): LinkPreview {
  const { meta, title, baseHref } = scanHtml(html);
  const first = (...keys: string[]) =>
    keys.map((key) => meta.get(key)).find((value) => value !== undefined && value.trim() !== '');
  let base = pageUrl;
  const resolvedBase = absoluteHttpUrl(baseHref, pageUrl);
  if (resolvedBase) base = resolvedBase;
  return {
    title: clean(first('og:title', 'twitter:title') ?? title, LIMITS.title),
    description: clean(first('og:description', 'twitter:description', 'description'), LIMITS.description),
    imageUrl: absoluteHttpUrl(
      first('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'),
      base,
    ),
    siteName: clean(first('og:site_name', 'application-name'), LIMITS.siteName),
    url: pageUrl,
  };
}
