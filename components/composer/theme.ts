/**
 * The site's theme, followed: what the adapter reads from the site's own markers (LinkedIn's class
 * on <html>, X's page background), watched for changes (the person switches the site's display
 * setting, or the site follows the system) so Relay's UI never pairs light text with a light page.
 */
import type { SiteAdapter, SiteTheme } from './types';
import { guarded } from './warn';

/** The attributes the sites change when their theme changes. */
const THEME_ATTRIBUTES = ['class', 'style', 'data-theme', 'data-color-mode'];

/** 'dark' or 'light' for an opaque CSS colour (rgb()/rgba() as getComputedStyle gives it); null for transparent or unknown. */
export function schemeOfColour(colour: string): SiteTheme | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/u.exec(colour.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : parseFloat(match[4]);
  if (alpha < 0.5) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const c = Number(part) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.2 ? 'dark' : 'light';
}

/** The scheme of the page's painted background: the body's, else the root's; null when neither paints one. */
export function pageBackgroundScheme(): SiteTheme | null {
  for (const element of [document.body, document.documentElement]) {
    if (!element) continue;
    const scheme = schemeOfColour(getComputedStyle(element).backgroundColor);
    if (scheme) return scheme;
  }
  return null;
}

/** The root's `color-scheme` when it names exactly one of light or dark. */
export function declaredColourScheme(): SiteTheme | null {
  const value = getComputedStyle(document.documentElement).colorScheme;
  const dark = /\bdark\b/u.test(value);
  const light = /\blight\b/u.test(value);
  return dark === light ? null : dark ? 'dark' : 'light';
}

/** The root and the body: where sites put their theme markers. */
export function pageRoots(): Element[] {
  return [document.documentElement, document.body].filter((element): element is HTMLElement => element !== null);
}

/** The system's scheme: the last resort when a site shows no marker at all. */
export function systemScheme(): SiteTheme {
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export interface ThemeSource {
  readonly value: SiteTheme;
  subscribe(listener: (theme: SiteTheme) => void): () => void;
  stop(): void;
}

/** Follows `adapter`'s theme: read now, and again when its markers or the system's scheme change. */
export function followSiteTheme(adapter: SiteAdapter): ThemeSource {
  const listeners = new Set<(theme: SiteTheme) => void>();
  let value = adapter.theme();
  const update = guarded('Following the site theme', () => {
    const next = adapter.theme();
    if (next === value) return;
    value = next;
    for (const listener of listeners) listener(next);
  });
  const observer = new MutationObserver(update);
  for (const target of adapter.themeTargets()) {
    observer.observe(target, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
  }
  // A site set to follow the device changes its markers itself; one without markers follows it.
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', update);
  return {
    get value() {
      return value;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      observer.disconnect();
      media.removeEventListener('change', update);
      listeners.clear();
    },
  };
}
