/**
 * X's display setting (Default, Dim, Lights out), as the site shows it: the body's background
 * colour (rgb(255, 255, 255), rgb(21, 32, 43), rgb(0, 0, 0)), else the root's `color-scheme`.
 */
import { declaredColourScheme, pageBackgroundScheme, pageRoots, systemScheme } from '../../components/composer/theme';
import type { SiteTheme } from '../../components/composer/types';

export function xTheme(): SiteTheme {
  return pageBackgroundScheme() ?? declaredColourScheme() ?? systemScheme();
}

export const xThemeTargets = pageRoots;
