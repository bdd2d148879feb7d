/**
 * Whole-word phrase matching for the guideline checker: a phrase typed by an admin ("free money",
 * "#employee", "I work at Acme") found in a post case-insensitively, with any run of white space
 * between its words, and never inside a longer word ("free" does not match "freedom", "#employee"
 * does not match "#employees"). Pure: no browser or server APIs.
 *
 * "Word" is Unicode-aware: letters, marks, digits and connectors of every script. Scripts written
 * without spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) get no word
 * boundary, or a phrase in them could never match inside a sentence. A phrase that starts with a
 * hash sign is a hashtag and follows hashtag rules instead: no letter of any script may touch it.
 */

/** Letters, marks, digits and connectors (with ZWNJ/ZWJ, which sit inside words of some scripts). */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}\p{Pc}\u200C\u200D]$/u;
/** Scripts written without spaces between words. */
const UNSPACED_CHAR =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]$/u;
const HASH_SIGNS = '#\uFF03';

/**
 * What may not touch one end of a phrase: nothing (the end is punctuation, or in an unspaced
 * script), a letter or digit of a spaced script ('word'), or any letter or digit at all ('tag').
 */
type Boundary = 'none' | 'word' | 'tag';

export interface Phrase {
  /** The regular-expression source of the phrase's words, without boundaries; flags 'iu'. */
  readonly body: string;
  /** The same as regular-expression atoms (one character, or \s+), one list per spelling. */
  readonly forms: readonly (readonly string[])[];
  readonly leading: Boundary;
  readonly trailing: Boundary;
  /** `body` with flags 'iuy', for testing one position. */
  readonly sticky: RegExp;
  /** `body` with flags 'giu', for scanning a whole text. */
  readonly global: RegExp;
}

export interface TextRange {
  start: number;
  end: number;
}

/** Escapes what is special in a regular expression with the 'u' flag (which rejects needless escapes). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The index of the code point after the one at `index` (a surrogate pair counts as one). */
export function nextCodePointIndex(text: string, index: number): number {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? index + 2 : index + 1;
}

/** `index`, moved back one unit when it falls between the halves of a surrogate pair. */
export function codePointBoundary(text: string, index: number): number {
  return index > 0 &&
    index < text.length &&
    isLowSurrogate(text.charCodeAt(index)) &&
    isHighSurrogate(text.charCodeAt(index - 1))
    ? index - 1
    : index;
}

function codePointBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const start = codePointBoundary(text, index - 1);
  return text.slice(start, index);
}

function codePointFrom(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  return text.slice(index, nextCodePointIndex(text, index));
}

function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

function touches(char: string | undefined, boundary: Boundary): boolean {
  if (char === undefined || boundary === 'none' || !isWordChar(char)) return false;
  return boundary === 'tag' || !UNSPACED_CHAR.test(char);
}

function edgeBoundary(char: string | undefined, hashtag: boolean): Boundary {
  if (char === undefined || !isWordChar(char)) return 'none';
  if (hashtag) return 'tag';
  return UNSPACED_CHAR.test(char) ? 'none' : 'word';
}

const SPACE_ATOM = '\\s+';
const HASH_ATOM = `[${HASH_SIGNS}]`;

/** The atoms of one spelling: each character escaped, \s+ between words, any hash sign first. */
function formAtoms(form: string): string[] | undefined {
  const words = form.split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0) return undefined;
  const atoms: string[] = [];
  words.forEach((word, i) => {
    if (i > 0) atoms.push(SPACE_ATOM);
    for (const char of word)
      atoms.push(i === 0 && atoms.length === 0 && HASH_SIGNS.includes(char) ? HASH_ATOM : escapeRegExp(char));
  });
  return atoms;
}

/**
 * Compiles a plain phrase, or gives undefined when it holds no word at all. The composed (NFC) and
 * the decomposed (NFD) spelling of accented letters match, and so does the phrase exactly as given.
 */
export function compilePhrase(pattern: string): Phrase | undefined {
  const nfc = pattern.normalize('NFC').trim();
  const forms: string[][] = [];
  for (const spelling of [nfc, pattern.normalize('NFD'), pattern]) {
    const atoms = formAtoms(spelling);
    if (atoms && !forms.some((form) => form.join('') === atoms.join(''))) forms.push(atoms);
  }
  if (forms.length === 0) return undefined;
  const sources = forms.map((form) => form.join(''));
  const body = sources.length === 1 ? (sources[0] ?? '') : `(?:${sources.join('|')})`;
  const hashtag = HASH_SIGNS.includes(nfc.charAt(0));
  const firstChar = codePointFrom(nfc, 0);
  const lastChar = codePointBefore(nfc, nfc.length);
  try {
    return {
      body,
      forms,
      leading: hashtag ? 'tag' : edgeBoundary(firstChar, false),
      trailing: edgeBoundary(lastChar, hashtag),
      sticky: new RegExp(body, 'iuy'),
      global: new RegExp(body, 'giu'),
    };
  } catch {
    return undefined;
  }
}

function boundariesHold(phrase: Phrase, text: string, start: number, end: number): boolean {
  return !touches(codePointBefore(text, start), phrase.leading) && !touches(codePointFrom(text, end), phrase.trailing);
}

/** Where the phrase ends when it starts exactly at `index` (with its boundaries), else -1. */
export function phraseEndAt(phrase: Phrase, text: string, index: number): number {
  phrase.sticky.lastIndex = index;
  const match = phrase.sticky.exec(text);
  if (!match || match[0] === '') return -1;
  const end = index + match[0].length;
  return boundariesHold(phrase, text, index, end) ? end : -1;
}

/** Every occurrence of the phrase, left to right, not overlapping, at most `limit`. */
export function findPhrase(phrase: Phrase, text: string, limit = Number.POSITIVE_INFINITY): TextRange[] {
  const found: TextRange[] = [];
  const regex = phrase.global;
  regex.lastIndex = 0;
  while (found.length < limit) {
    const match = regex.exec(text);
    if (!match) break;
    const start = match.index;
    const end = start + match[0].length;
    if (end > start && boundariesHold(phrase, text, start, end)) {
      found.push({ start, end });
      regex.lastIndex = end;
    } else {
      regex.lastIndex = nextCodePointIndex(text, start);
    }
  }
  return found;
}

interface TrieNode {
  end: boolean;
  children: Map<string, TrieNode>;
}

/**
 * One regular-expression source (flags 'iu') that matches at a position exactly when some phrase's
 * words (boundaries aside) match there: the phrases' spellings as a trie, so shared beginnings
 * ("Project Falcon-1", "Project Falcon-2") are tried once, and a phrase that begins with another
 * adds nothing. ASCII letters are merged case-insensitively, which the 'i' flag makes exact.
 */
export function phrasesAlternation(phrases: readonly Phrase[]): string {
  const root: TrieNode = { end: false, children: new Map() };
  for (const phrase of phrases) {
    for (const form of phrase.forms) {
      let node = root;
      for (const atom of form) {
        if (node.end) break;
        const key = atom.length === 1 ? atom.replace(/[A-Z]/, (c) => c.toLowerCase()) : atom;
        let child = node.children.get(key);
        if (!child) {
          child = { end: false, children: new Map() };
          node.children.set(key, child);
        }
        node = child;
      }
      node.end = true;
      node.children.clear();
    }
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.children].map(([atom, child]) => (child.end ? atom : atom + emit(child)));
    return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  };
  return root.children.size === 0 ? '(?!)' : emit(root);
}
