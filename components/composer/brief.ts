/**
 * A composer's brief (is the advocate enrolled, how many posts, are own posts checked) and what it
 * decides: whether the composer has anything to show. Pure, shared by the content script and the
 * tests that hold the background's brief to its whole answer.
 */
import type { ComposerBrief, ComposerData } from '../shared/messaging';

/** The brief of a whole answer. */
export function briefOf(data: ComposerData | null): ComposerBrief | null {
  if (!data) return null;
  return {
    enrolled: data.enrolled,
    items: data.items.length,
    checksOwnPosts: (data.guidelines.companyNames?.length ?? 0) > 0,
  };
}

/** True when a composer has something to show: posts to suggest, or company names to check own posts against. */
export function needsUi(brief: ComposerBrief | null): boolean {
  return !!brief?.enrolled && (brief.items > 0 || brief.checksOwnPosts);
}
