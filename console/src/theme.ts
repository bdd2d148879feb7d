/** Light, dark, or the system's choice: a data-theme attribute on <html>, remembered in localStorage. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'relay-admin-theme';

export function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  window.dispatchEvent(new CustomEvent('relay-theme'));
}

/** Whether the page is dark right now (for the chart's colours). */
export function isDark(): boolean {
  const attribute = document.documentElement.getAttribute('data-theme');
  if (attribute === 'dark') return true;
  if (attribute === 'light') return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** A CSS custom property's value on <html>, e.g. cssVar('--accent'). */
export function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}
