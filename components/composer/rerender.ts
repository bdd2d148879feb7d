/**
 * The sites re-render a composer (X: drafts, GIF search, media editing; LinkedIn: a re-rendered
 * share box): its editor node is replaced by a new one holding the same text. The new composer is
 * matched to the one it replaces, so what the old session held (the inserted suggestion, hence the
 * share's attribution) follows it instead of being dropped as if the composer had closed.
 */
import type { Composer, SiteAdapter } from './types';

/** What is known of a composer whose editor left the page. */
export interface Gone {
  composer: Composer;
  /** Its editor's text as it last was (a detached node still holds it). */
  text: string;
}

/** Text compared for matching: any run of white space as one space. */
const squeeze = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * True when `candidate` (found on the page now) replaces `gone`: it sits in the same composer
 * (the container survived, or holds the new editor in the same place) or, the container replaced
 * too, its editor holds the same non-empty text.
 */
export function replaces(gone: Gone, candidate: Composer, adapter: SiteAdapter): boolean {
  if (!candidate.editor.isConnected || candidate.editor === gone.composer.editor) return false;
  const old = gone.composer.container;
  if (old.isConnected && (old === candidate.container || old.contains(candidate.editor))) return true;
  const text = squeeze(gone.text);
  return text !== '' && squeeze(adapter.readText(candidate.editor)) === text;
}
