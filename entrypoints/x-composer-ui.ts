/**
 * The X composer UI script: suggested posts, guideline hints (X's weighted length through
 * twitter-text) and insertion. Not listed in the manifest: the X content script has the
 * background inject it into the page's frame (the extension's isolated world) the first time a
 * composer has something to show, so X pages without one never load twitter-text.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerComposerUi } from '../components/composer/ui/register';

export default defineUnlistedScript(() => registerComposerUi());
