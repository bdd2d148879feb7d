/**
 * The guideline checker: hints about a post against the programme's guidelines, one rule module
 * each (lib/guidelines/rules/, listed in GUIDELINE_RULES). The extension runs it on every
 * (debounced) change in a site's composer; the admin console runs it for previews. Pure: no browser
 * or server APIs, never throws, and every hint is plain data (a fix is text to append, which the
 * content script inserts through the site's editor).
 *
 * Compile the guidelines once with `compileGuidelines` and pass the result to `checkPost` on every
 * keystroke; passing raw guidelines works too, but compiles them on each call.
 *
 * `checkPost` assumes the post is about the company (a Relay share, or a post for which
 * `mentionsCompany` is true): it asks for the disclosure whenever the guidelines require it on the
 * network.
 */
import { network as networkDefinition, type Network } from '../networks';
import { findPhrase } from '../phrases';
import type { Guidelines } from '../schemas/guidelines';
import { build, compiled, type Compiled } from './compiled';
import { codePointLength, COUNTERS } from './length/overflow';
import { GUIDELINE_RULES, GUIDELINE_RULES_ABOUT } from './rules';
import type {
  CheckContext,
  CompiledGuidelines,
  GuidelineRule,
  Hint,
  HintFix,
  HintKind,
  HintSeverity,
  RuleAbout,
} from './types';

export type {
  CheckContext,
  CompiledGuidelines,
  Finding,
  GuidelineRule,
  Hint,
  HintFix,
  HintKind,
  HintRange,
  HintSeverity,
} from './types';
export { GUIDELINE_RULES } from './rules';
export type { RuleAbout } from './types';
export { MAX_TERM_HINTS } from './rules/banned-terms';
export { disclosureAppend } from './rules/disclosure';
export { xWeightedLength } from './length/twitter';
export { SEVERITY_LABELS, severityLabel } from './severity';
export { approvedText, approvedVariant, sampleTrackedLink } from './approved-text';
export { mustFixFailures, type MustFixFailure } from './publish-check';
export { guidelinesFor, languageRulesFor } from './for-language';

function maxLength(id: Network): number {
  return networkDefinition(id).length.max;
}

export const LINKEDIN_MAX = /* @__PURE__ */ maxLength('linkedin');
export const X_MAX = /* @__PURE__ */ maxLength('x');

/** What LinkedIn counts: characters (code points), so an emoji counts 1. */
export const linkedInLength = codePointLength;

/** The post's length as the network counts it, and the most it takes. */
export function postLength(text: string, network: Network): { length: number; max: number } {
  const { max, counting } = networkDefinition(network).length;
  return { length: COUNTERS[counting].length(text), max };
}

/** The registered rule of that kind (undefined for a kind this version doesn't know). */
export function guidelineRule(kind: string): GuidelineRule<HintKind> | undefined {
  return GUIDELINE_RULES.find((rule) => rule.kind === kind);
}

/** What the console's guidelines editor shows of each rule: the rule's metadata with its label and description. */
export function describeGuidelineRules(): (Omit<GuidelineRule<HintKind>, 'check'> & RuleAbout)[] {
  return GUIDELINE_RULES.map(({ check: _check, ...rule }) => ({ ...rule, ...GUIDELINE_RULES_ABOUT[rule.kind] }));
}

/** True when a hint says the post is the suggestion as given (a rule with `meansVerbatim`). */
export function isVerbatim(hints: readonly Hint[]): boolean {
  return hints.some((hint) => guidelineRule(hint.kind)?.meansVerbatim === true);
}

/** Builds every matcher once; tolerates documents an older version stored (see `skippedTerms`). */
export function compileGuidelines(guidelines: Guidelines): CompiledGuidelines {
  return build(guidelines);
}

/** Appends a fix's text: what the content script does through the editor. */
export function applyFix(text: string, fix: HintFix): string {
  return text + fix.append;
}

/** True when the text names one of guidelines.companyNames (whole words, any case). */
export function mentionsCompany(text: string, guidelines: Guidelines | CompiledGuidelines): boolean {
  try {
    if (typeof text !== 'string' || text === '') return false;
    return compiled(guidelines).companies.some((phrase) => findPhrase(phrase, text, 1).length > 0);
  } catch {
    return false;
  }
}

const SEVERITY_ORDER: Record<HintSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Hints about `text` on `context.network`, errors first, then warnings, then information; within
 * a severity in GUIDELINE_RULES' order (banned terms in text order). Never throws: a rule that
 * fails on some input gives no hint.
 */
export function checkPost(text: string, context: CheckContext): Hint[] {
  const post = typeof text === 'string' ? text : '';
  const hints: Hint[] = [];
  let guidelines: Compiled;
  let network: Network;
  try {
    guidelines = compiled(context.guidelines);
    network = context.network;
  } catch {
    return hints;
  }
  const input = { text: post, network, guidelines, suggestion: context.suggestion, sharesToday: context.sharesToday };
  for (const rule of GUIDELINE_RULES) {
    try {
      for (const finding of rule.check(input)) hints.push({ kind: rule.kind, severity: rule.severity, ...finding });
    } catch {
      // This rule gives no hint on this input; the others still do.
    }
  }
  return hints.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
