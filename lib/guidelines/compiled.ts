/** Guidelines compiled once for every check: banned-term matchers, the disclosure, the company names. */
import type { Network } from '../networks';
import { compilePhrase } from '../phrases';
import type { Phrase } from '../phrases';
import type { BannedTerm, Guidelines } from '../schemas/guidelines';
import { compileTerms, type CompiledTerms } from './terms';
import type { CompiledGuidelines } from './types';

export interface CompiledDisclosure {
  text: string;
  phrase: Phrase;
  networks: readonly Network[];
  /** For a hashtag disclosure: the tag without its hash sign, NFC, lower case. */
  tag?: string;
}

/** Plain data and regular expressions only, so a structured clone keeps every field (see `compiled`). */
export class Compiled implements CompiledGuidelines {
  constructor(
    readonly guidelines: Guidelines,
    readonly skippedTerms: readonly BannedTerm[],
    readonly terms: CompiledTerms,
    readonly disclosure: CompiledDisclosure | undefined,
    readonly companies: readonly Phrase[],
  ) {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Builds every matcher once. Tolerates documents the schema would reject today (stored by an
 * older version): such terms land in `skippedTerms` instead of throwing.
 */
export function build(guidelines: Guidelines): Compiled {
  const terms = compileTerms(arrayOf(isRecord(guidelines) ? guidelines.bannedTerms : undefined));

  let disclosure: CompiledDisclosure | undefined;
  const rawDisclosure: unknown = isRecord(guidelines) ? guidelines.disclosure : undefined;
  if (isRecord(rawDisclosure) && typeof rawDisclosure.text === 'string') {
    const text = rawDisclosure.text.trim();
    const phrase = compilePhrase(text);
    if (phrase) {
      const networks = arrayOf(rawDisclosure.networks).filter((n): n is Network => typeof n === 'string');
      const tag = /^[#\uFF03][^\s#\uFF03]+$/u.test(text) ? text.slice(1).normalize('NFC').toLowerCase() : undefined;
      disclosure = { text, phrase, networks, tag };
    }
  }

  const companies = arrayOf(isRecord(guidelines) ? guidelines.companyNames : undefined)
    .filter((name): name is string => typeof name === 'string')
    .map((name) => compilePhrase(name))
    .filter((phrase): phrase is Phrase => phrase !== undefined);

  return new Compiled(guidelines, terms.skipped, terms, disclosure, companies);
}

/** The compiled form of raw or compiled guidelines. */
export function compiled(guidelines: Guidelines | CompiledGuidelines): Compiled {
  if (guidelines instanceof Compiled) return guidelines;
  // A copy that lost its class (structured clone, another bundle's instance): compile what it holds.
  const value: unknown = guidelines;
  if (isRecord(value) && 'skippedTerms' in value && 'guidelines' in value) return build(value.guidelines as Guidelines);
  return build(guidelines as Guidelines);
}

/** The disclosure, when the guidelines require one on this network. */
export function disclosureFor(guidelines: Compiled, network: Network): CompiledDisclosure | undefined {
  const disclosure = guidelines.disclosure;
  return disclosure && disclosure.networks.includes(network) ? disclosure : undefined;
}
