/** The extension project's tests read the extension's words in English, from the same catalog the build ships (public/_locales/en). */
import en from '../../public/_locales/en/messages.json';
import { setCatalog } from '../../components/shared/i18n';

setCatalog(en, 'en');
