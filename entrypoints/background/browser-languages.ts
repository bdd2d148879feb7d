/** The browser's languages as an Accept-Language value: its interface language first, then the person's preferred languages (what the server picks a post's language from). */

interface LanguageSources {
  /** The language of the _locales catalog the browser picked for Relay ('en' is also the fallback). */
  catalogLanguage?: () => string | undefined;
  uiLanguage?: () => string | undefined;
  languages?: readonly string[];
}

function defaults(): LanguageSources {
  const scope = globalThis as {
    browser?: { i18n?: { getUILanguage(): string; getMessage(key: string): string } };
    chrome?: { i18n?: { getUILanguage(): string; getMessage(key: string): string } };
    navigator?: { languages?: readonly string[] };
  };
  const i18n = scope.browser?.i18n ?? scope.chrome?.i18n;
  return {
    catalogLanguage: () => i18n?.getMessage('locale_tag'),
    uiLanguage: () => i18n?.getUILanguage(),
    languages: scope.navigator?.languages,
  };
}

/** e.g. "de-DE,de;q=0.9,en;q=0.8"; undefined when the browser says nothing usable. */
export function acceptLanguageHeader(sources: LanguageSources = defaults()): string | undefined {
  const read = (source: (() => string | undefined) | undefined) => {
    try {
      return source?.() || undefined;
    } catch {
      return undefined;
    }
  };
  // A catalog other than the default one was picked because the browser speaks its language
  // (Chrome may still report en-US as the UI language when started with --lang).
  const catalog = read(sources.catalogLanguage);
  const picked = catalog && catalog.toLowerCase() !== 'en' ? catalog : undefined;
  const tags = [picked, read(sources.uiLanguage), ...(sources.languages ?? [])]
    .map((tag) => tag?.trim().replace(/_/g, '-'))
    .filter((tag): tag is string => Boolean(tag) && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag!));
  const unique = [...new Set(tags.map((tag) => tag.toLowerCase()))].slice(0, 6);
  if (unique.length === 0) return undefined;
  return unique.map((tag, index) => (index === 0 ? tag : `${tag};q=${(1 - index / 10).toFixed(1)}`)).join(',');
}
