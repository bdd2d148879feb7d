/**
 * How Relay looks inside the sites' composers, against checked-in baselines: the "Suggested posts"
 * panel and the hints (with the marks over the banned words) in LinkedIn's and X's light and dark
 * themes, at desktop and phone widths. The site's theme, not the system's, decides Relay's colours:
 * each shot is taken with the system light and dark (expectLooksRight), and axe runs on both.
 */
import { lookAtComposer, openPanel, writeOwnWords, type SiteName, type SiteTheme } from './composer-look';
import { test } from './fixtures';
import { expectLooksRight, type Width } from './visual';

const SITES: SiteName[] = ['linkedin', 'x'];
const THEMES: SiteTheme[] = ['light', 'dark'];
const SIZES: Width[] = ['desktop', 'phone'];

for (const site of SITES) {
  for (const theme of THEMES) {
    for (const width of SIZES) {
      test(`${site} ${theme} ${width}: the panel, the hints and the marks`, async ({ context, server, openPopup }) => {
        const { page, editor, composer } = await lookAtComposer({ context, server, openPopup }, site, theme, width);
        await writeOwnWords(page, editor);
        await openPanel(page);
        await expectLooksRight(page, `${site}-${theme}-${width}`, { element: composer });
      });
    }
  }
}
