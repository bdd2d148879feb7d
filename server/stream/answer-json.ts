/**
 * Sync answers as JSON for many advocates at once: what is the same for many of them (a post in one
 * language, the guidelines in one language, the scoring rules, the selector overrides) is rendered
 * once, and each answer adds only its cursor, its links and what it removes. The text parses to
 * exactly what GET /v1/sync's composeAnswer gives.
 */
import { guidelinesFor } from '../../lib/guidelines/for-language';
import { syncedScoringRules, type Links } from '../../lib/schemas';
import type { AdvocatePrincipal } from '../context';
import type { ContentRow } from '../services/content';
import type { DocumentBodies } from '../services/documents';
import { answerCursor, itemIn } from '../services/sync-answer';
import type { SyncState } from '../services/sync-state';

export class AnswerJson {
  /** A post in a language, as JSON without its closing brace (its links come after). */
  private readonly items = new Map<string, string>();
  private readonly guidelines = new Map<string, string>();
  private readonly shared: { scoring: string; selectors: string };

  constructor(
    private readonly documents: DocumentBodies,
    private readonly state: SyncState,
    private readonly now: number,
  ) {
    this.shared = {
      scoring: JSON.stringify(syncedScoringRules(documents.scoring)),
      selectors: JSON.stringify(documents.selectors),
    };
  }

  /** The answer's JSON for this advocate, their posts (newest first) and removals, and their links; and its cursor. */
  write(
    advocate: AdvocatePrincipal,
    theirs: { live: { row: ContentRow }[]; removed: string[] },
    links: Map<string, Links>,
  ): { json: string; cursor: string } {
    const cursor = answerCursor(advocate, this.state, this.now);
    const content = theirs.live.map(({ row }) => {
      const head = this.item(row, advocate.language);
      return `${head}${head.length > 1 ? ',' : ''}"links":${JSON.stringify(links.get(row.id) ?? {})}}`;
    });
    const json =
      `{"cursor":${JSON.stringify(cursor)},` +
      `"content":[${content.join(',')}],"removed":${JSON.stringify(theirs.removed)},` +
      `"guidelines":${this.guidelinesIn(advocate.language)},"scoring":${this.shared.scoring},` +
      `"selectorOverrides":${this.shared.selectors}}`;
    return { json, cursor };
  }

  private item(row: ContentRow, language: string | null): string {
    const key = `${row.id} ${language ?? ''}`;
    let head = this.items.get(key);
    if (head === undefined) {
      head = JSON.stringify(itemIn(row, language, this.now)).slice(0, -1);
      this.items.set(key, head);
    }
    return head;
  }

  private guidelinesIn(language: string | null): string {
    const key = language ?? '';
    let text = this.guidelines.get(key);
    if (text === undefined) {
      text = JSON.stringify(guidelinesFor(this.documents.guidelines, language));
      this.guidelines.set(key, text);
    }
    return text;
  }
}
