/** A variant as advocates will get it (the sample link in place, the disclosure added) and the guideline checks on it, with the words to mark. */
import { useMemo } from 'preact/hooks';
import { approvedText, checkPost, guidelineRule, type CompiledGuidelines } from '../../../../lib/guidelines';
import type { TextNetwork } from '../../../../lib/networks';
import { SAMPLE_LINK } from './sample-link';

export function useVariantChecks(text: string, id: TextNetwork, compiled: CompiledGuidelines) {
  // As advocates will get it: the sample link in place and the disclosure added where it fits.
  const rendered = approvedText(text, id, compiled, SAMPLE_LINK);
  const hints = useMemo(
    () => (text.trim() ? checkPost(rendered, { network: id, guidelines: compiled }) : []),
    [compiled, rendered, id, text],
  );
  const marks = hints.flatMap((hint) => (hint.range && guidelineRule(hint.kind)?.marksWords ? [hint.range] : []));
  return { rendered, hints, marks };
}
