/** Approved text: a variant as advocates get it, with the guidelines' disclosure added where it is missing and fits. */
import { network as networkDefinition, type Network } from '../networks';
import { findPhrase } from '../phrases';
import { renderVariant } from '../render';
import type { Guidelines } from '../schemas/guidelines';
import { compiled, disclosureFor } from './compiled';
import { COUNTERS } from './length/overflow';
import { isWholeXLink } from './length/twitter';
import { disclosureAppend } from './rules/disclosure';
import type { CompiledGuidelines } from './types';

/** A tracked link's code as long as the server makes them (server/services/links.ts). */
const SAMPLE_CODE = 'Xy7Qm2Ka9P';

/**
 * A link shaped like an advocate's tracked link on `origin`, for checks made before anyone has one
 * (the console's previews, the publish check); on a stand-in domain when X would not see the
 * origin's address as a link (an IP address or localhost), so X's count is 23 as in a real post.
 */
export function sampleTrackedLink(origin: string): string {
  const own = `${origin.replace(/\/+$/u, '')}/r/${SAMPLE_CODE}`;
  return isWholeXLink(own) ? own : `https://relay.example.com/r/${SAMPLE_CODE}`;
}

/** True when `text` fits on `network`, counted as the network counts. */
function fits(text: string, network: Network): boolean {
  const { max, counting } = networkDefinition(network).length;
  return COUNTERS[counting].length(text) <= max;
}

/**
 * The variant with the disclosure appended when the guidelines ask for one on `network`, the
 * shared text (the variant with `link` in it, lib/render.ts) lacks it, and the text with it still
 * fits the network. Otherwise the variant as written: the checker then says what is missing.
 */
export function approvedVariant(
  variant: string,
  network: Network,
  guidelines: Guidelines | CompiledGuidelines,
  link: string,
): string {
  try {
    const disclosure = disclosureFor(compiled(guidelines), network);
    if (!disclosure || !networkDefinition(network).carriesText) return variant;
    const written = variant.trimEnd();
    if (written === '' || findPhrase(disclosure.phrase, renderVariant(written, link, network), 1).length > 0) {
      return variant;
    }
    const approved = written + disclosureAppend(written, disclosure.text, network);
    return fits(renderVariant(approved, link, network), network) ? approved : variant;
  } catch {
    return variant;
  }
}

/** The text an advocate shares from a variant: approved, then with the link in it. */
export function approvedText(
  variant: string,
  network: Network,
  guidelines: Guidelines | CompiledGuidelines,
  link: string,
): string {
  return renderVariant(approvedVariant(variant, network, guidelines, link), link, network);
}
