/**
 * The LinkedIn composer UI script: suggested posts, guideline hints and insertion. Not listed in
 * the manifest: the LinkedIn content script has the background inject it into the page's frame
 * (the extension's isolated world) the first time a composer has something to show. Like the
 * content script it carries no twitter-text (wxt.config.ts) and no zod.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerComposerUi } from '../components/composer/ui/register';

export default defineUnlistedScript(() => registerComposerUi());
