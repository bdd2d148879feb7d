/** A variant as it will be posted (the sample link in place) and the guideline checks on it, with the words to mark. */
import { useMemo } from 'preact/hooks';
import { checkPost, guidelineRule, type CompiledGuidelines } from '../../../../lib/guidelines';
import type { TextNetwork } from '../../../../lib/networks';
import { renderVariant } from '../../../../lib/render';
import { SAMPLE_LINK } from './sample-link';

export function useVariantChecks(text: string, id: TextNetwork, compiled: CompiledGuidelines) {
  const rendered = renderVariant(text, SAMPLE_LINK, id);
  const hints = useMemo(
    () => (text.trim() ? checkPost(rendered, { network: id, guidelines: compiled }) : []),
    [compiled, rendered, id, text],
  );
  const marks = hints.flatMap((hint) => (hint.range && guidelineRule(hint.kind)?.marksWords ? [hint.range] : []));
  return { rendered, hints, marks };
}
