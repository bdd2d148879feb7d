/** The publish check: every must-fix hint on any variant of a post, as advocates will get its text. */
import { isTextNetwork, type Network } from '../networks';
import type { BannedTerm, Guidelines } from '../schemas/guidelines';
import type { Variants } from '../schemas/content';
import { approvedText } from './approved-text';
import { compiled } from './compiled';
import { checkPost } from './index';
import { GUIDELINE_RULES_ABOUT } from './rules';
import type { CompiledGuidelines, HintKind, HintRange } from './types';

/** One must-fix rule a variant breaks. */
export interface MustFixFailure {
  network: Network;
  /** The variant's index in the post's variants for the network. */
  variant: number;
  kind: HintKind;
  /** The rule as admins read it, e.g. "Banned terms". */
  label: string;
  message: string;
  /** For a banned term: the term. */
  term?: BannedTerm;
  /** Where in the shared text (the approved variant with the link in it). */
  range?: HintRange;
}

/**
 * Must-fix (error) hints of every variant on every network the post is for, each checked as the
 * advocate will share it: approved (the disclosure added where it fits) with `link` in it.
 */
export function mustFixFailures(
  post: { variants: Variants; networks: readonly Network[] },
  guidelines: Guidelines | CompiledGuidelines,
  link: string,
): MustFixFailure[] {
  const rules = compiled(guidelines);
  const failures: MustFixFailure[] = [];
  for (const network of post.networks) {
    if (!isTextNetwork(network)) continue;
    (post.variants[network] ?? []).forEach((variant, index) => {
      const text = approvedText(variant, network, rules, link);
      for (const hint of checkPost(text, { network, guidelines: rules })) {
        if (hint.severity !== 'error') continue;
        failures.push({
          network,
          variant: index,
          kind: hint.kind,
          label: GUIDELINE_RULES_ABOUT[hint.kind].label,
          message: hint.message,
          ...(hint.term ? { term: hint.term } : {}),
          ...(hint.range ? { range: hint.range } : {}),
        });
      }
    });
  }
  return failures;
}
