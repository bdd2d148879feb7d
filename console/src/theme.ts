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

/**
 * A colour custom property as the page shows it now, e.g. cssColor('--accent') → "rgb(10, 102, 194)".
 * The properties hold light-dark() pairs, which only an element's computed colour resolves (the
 * CSSOM is allowed under the console's CSP; style attributes are not).
 */
export function cssColor(name: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name}, ${fallback})`;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value || fallback;
}

/** "rgb(10, 102, 194)" with an opacity: "rgba(10, 102, 194, 0.13)"; any other colour as it is. */
export function withAlpha(color: string, alpha: number): string {
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(color);
  return rgb ? `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})` : color;
}
