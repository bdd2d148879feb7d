/** The extension's own words in the browser's language: a typed `t()` over the browser's i18n (public/_locales), with CLDR plurals and Intl numbers and times. */
import type en from '../../public/_locales/en/messages.json';

type AnyKey = keyof typeof en & string;
/** A plural message's base: `points_count` for `points_count_one` / `points_count_other`. */
export type PluralKey = AnyKey extends infer Key ? (Key extends `${infer Base}_other` ? Base : never) : never;
/** A plain message's key (plural forms go through `tp`). */
export type MessageKey = Exclude<AnyKey, `${string}_one` | `${string}_other`>;
/** `{name}` slots' values: numbers are formatted in the UI language. */
export type MessageParams = Readonly<Record<string, string | number>>;

interface I18nApi {
  getMessage(name: string): string;
  getUILanguage(): string;
}

/** A catalog given directly (tests, pages outside the extension): used instead of the browser's. */
let given: { messages: Record<string, { message: string }>; language: string } | null = null;

/** Use `messages` (a messages.json) instead of the browser's i18n: for tests and non-extension pages. */
export function setCatalog(messages: Record<string, { message: string }>, language: string): void {
  given = { messages, language };
}

function api(): I18nApi | null {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n ?? null;
}

/** The message as the catalog has it ('' when it has none). */
function raw(key: string): string {
  if (given) return given.messages[key]?.message ?? '';
  try {
    return api()?.getMessage(key) ?? '';
  } catch {
    return '';
  }
}

/** Whether the catalog has a message for `key` (e.g. a hint kind a newer lib added). */
export function hasMessage(key: string): boolean {
  return raw(key) !== '';
}

/**
 * The language of the catalog the browser picked (each messages.json says it in `locale_tag`), so
 * numbers, dates and plurals follow the words shown, not a language the extension lacks.
 */
export function uiLanguage(): string {
  const tag = raw('locale_tag');
  if (tag) return tag;
  try {
    return given?.language ?? api()?.getUILanguage() ?? 'en';
  } catch {
    return 'en';
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1,234 (en), 1.234 (de), 1 234 (fr). */
export function formatNumber(value: number): string {
  const language = uiLanguage();
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(value);
}

function fill(text: string, params: MessageParams | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = params[name];
    if (value === undefined) return slot;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The message for `key` with its `{slots}` filled; the key itself if the catalog lacks it (a test catches that). */
export function t(key: MessageKey, params?: MessageParams): string {
  return fill(raw(key) || key, params);
}

/** The plural form of `key` for `count` (Intl.PluralRules in the UI language); `{count}` is the number. */
export function tp(key: PluralKey, count: number, params?: MessageParams): string {
  const category = new Intl.PluralRules(uiLanguage()).select(count);
  const text = raw(`${key}_${category}`) || raw(`${key}_other`) || key;
  return fill(text, { count, ...params });
}

/** Like `t`, for keys made at run time (a hint's kind): null when the catalog has no such message. */
export function tMaybe(key: string, params?: MessageParams): string | null {
  const text = raw(key);
  return text ? fill(text, params) : null;
}

/** "LinkedIn, X or Facebook" / "LinkedIn, X oder Facebook": a list in the UI language (Intl.ListFormat). */
export function listOf(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(uiLanguage(), { type }).format(items);
}

/**
 * Makes sure the page has its words. Chromium can answer '' to every getMessage of a page opened
 * as the extension loads (the setup tab opened on install): then the page reads the catalog itself,
 * the first of the browser's languages the extension has (`/_locales/<lang>/messages.json`), else English.
 */
export async function ensureCatalog(languages: readonly string[] = navigator.languages): Promise<void> {
  if (given || raw('locale_tag')) return;
  const candidates = languages.flatMap((tag) => [tag.replace('-', '_'), tag.split('-')[0]!]);
  for (const language of [...new Set([...candidates, 'en'])]) {
    try {
      const response = await fetch(`/_locales/${language}/messages.json`);
      if (!response.ok) continue;
      setCatalog((await response.json()) as Record<string, { message: string }>, language);
      return;
    } catch {
      // Not a language the extension has: the next one.
    }
  }
}
