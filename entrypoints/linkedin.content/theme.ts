/**
 * LinkedIn's display setting (light, dark, or the device's), as the site marks it: classes on
 * <html> (`theme theme--mercado` when light; `theme--dark`, `theme--mercado-dark` when dark).
 * A page without LinkedIn's theme classes (a newer generation) is judged by its painted background.
 */
import { pageBackgroundScheme, pageRoots, systemScheme } from '../../components/composer/theme';
import type { SiteTheme } from '../../components/composer/types';

const DARK_CLASSES = ['theme--dark', 'theme--mercado-dark', 'theme--dark-lix'];
/** LinkedIn's theme system is on the page: no dark class then means light. */
const THEMED_CLASS = 'theme';

export function linkedinTheme(): SiteTheme {
  const roots = pageRoots();
  if (roots.some((root) => DARK_CLASSES.some((name) => root.classList.contains(name)))) return 'dark';
  if (roots.some((root) => root.classList.contains(THEMED_CLASS))) return 'light';
  return pageBackgroundScheme() ?? systemScheme();
}

export const linkedinThemeTargets = pageRoots;
