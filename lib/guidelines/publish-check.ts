/** The publish check: every must-fix hint on any variant of a post in any of its languages, as advocates will get its text. */
import { isTextNetwork, type Network } from '../networks';
import type { BannedTerm, Guidelines } from '../schemas/guidelines';
import type { Translations, Variants } from '../schemas/content';
import { approvedText } from './approved-text';
import { compiled } from './compiled';
import { guidelinesFor } from './for-language';
import { checkPost } from './index';
import { GUIDELINE_RULES_ABOUT } from './rules';
import type { CompiledGuidelines, HintKind, HintRange } from './types';

/** One must-fix rule a variant breaks. */
export interface MustFixFailure {
  network: Network;
  /** The variant's index in the post's variants for the network. */
  variant: number;
  /** The variant's language: the post's own, or a translation's tag (absent when the post has none). */
  language?: string;
  kind: HintKind;
  /** The rule as admins read it, e.g. "Banned terms". */
  label: string;
  message: string;
  /** For a banned term: the term. */
  term?: BannedTerm;
  /** Where in the shared text (the approved variant with the link in it). */
  range?: HintRange;
}

/** The must-fix hints of one language's variants, checked with that language's rules. */
function failuresOf(
  variants: Variants,
  networks: readonly Network[],
  guidelines: Guidelines | CompiledGuidelines,
  link: string,
  language: string | undefined,
): MustFixFailure[] {
  const rules = compiled(guidelines);
  const failures: MustFixFailure[] = [];
  for (const network of networks) {
    if (!isTextNetwork(network)) continue;
    (variants[network] ?? []).forEach((variant, index) => {
      const text = approvedText(variant, network, rules, link);
      for (const hint of checkPost(text, { network, guidelines: rules })) {
        if (hint.severity !== 'error') continue;
        failures.push({
          network,
          variant: index,
          ...(language ? { language } : {}),
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

/**
 * Must-fix (error) hints of every variant on every network the post is for, in its own language
 * and in each translation, each checked as the advocate will share it: approved (that language's
 * disclosure added where it fits) with `link` in it, against that language's guidelines
 * (for-language.ts).
 */
export function mustFixFailures(
  post: { variants: Variants; networks: readonly Network[]; language?: string | null; translations?: Translations },
  guidelines: Guidelines | CompiledGuidelines,
  link: string,
): MustFixFailure[] {
  const raw = compiled(guidelines).guidelines;
  const perLanguage = raw.languages !== undefined && Object.keys(raw.languages).length > 0;
  const own = post.language ?? undefined;
  const failures = failuresOf(
    post.variants,
    post.networks,
    perLanguage ? guidelinesFor(raw, own) : guidelines,
    link,
    own,
  );
  for (const [tag, translation] of Object.entries(post.translations ?? {})) {
    failures.push(...failuresOf(translation.variants, post.networks, guidelinesFor(raw, tag), link, tag));
  }
  return failures;
}
