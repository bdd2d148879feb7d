/** What the contentLanguage message answers the popup: the advocate's language, where it came from, and the languages posts come in. */
import type { LanguageSource } from '../../lib/languages';

export type ContentLanguageResult =
  | { ok: true; language: string | null; source: LanguageSource | null; available: string[] }
  // `offline`: the server could not be reached; the popup words it (see PrivacyResult).
  | { ok: false; message: string; offline?: true };
