/** The guideline checker's shapes: hints, what a check is given, and what a rule module declares. */
import type { Network } from '../networks';
import type { TextRange } from '../phrases';
import type { BannedTerm, Guidelines } from '../schemas/guidelines';
import type { Compiled } from './compiled';
import type { GUIDELINE_RULES } from './rules';

/** Every rule's kind, as the registry (lib/guidelines/rules/index.ts) lists them. */
export type HintKind = (typeof GUIDELINE_RULES)[number]['kind'];

export type HintSeverity = 'error' | 'warning' | 'info';

/** Part of the post: [start, end) in UTF-16 code units, never empty. */
export type HintRange = TextRange;

/** A fix as data: append `append` to the end of the post. */
export interface HintFix {
  label: string;
  append: string;
}

/** A hint's values for its localised message (the extension fills its `hint_<messageKey>` with them). */
export type HintParams = Readonly<Record<string, string | number>>;

/** What a rule found: a hint without its kind and severity (the registry adds those). */
export interface Finding {
  /** In English, for the console and the API. */
  message: string;
  /**
   * The message as data for the extension's own languages: `hint_<messageKey>` in its _locales
   * (and `hint_<messageKey>_fix` for the fix's label), filled with `params`. Absent: `message` is shown.
   */
  messageKey?: string;
  params?: HintParams;
  /** The part of the text the hint is about, when it is about a part: 0 <= start < end <= text.length. */
  range?: HintRange;
  fix?: HintFix;
  /** For 'banned-term': the term that matched. */
  term?: BannedTerm;
}

export interface Hint extends Finding {
  kind: HintKind;
  severity: HintSeverity;
}

/** Guidelines with every matcher built: make with `compileGuidelines`, reuse for every check. */
export interface CompiledGuidelines {
  /** The guidelines as given. */
  readonly guidelines: Guidelines;
  /** Banned terms that can't be matched: a regex that doesn't compile, or a pattern with no word. */
  readonly skippedTerms: readonly BannedTerm[];
}

export interface CheckContext {
  network: Network;
  /** Raw guidelines, or (on a hot path) the result of `compileGuidelines`. */
  guidelines: Guidelines | CompiledGuidelines;
  /** The suggested text this post started from, when it started from one. */
  suggestion?: string | null;
  /** Shares this advocate already made today. */
  sharesToday?: number | null;
}

/** What a rule's check is given: the post (always a string), the network and the compiled guidelines. */
export interface RuleInput {
  text: string;
  network: Network;
  guidelines: Compiled;
  suggestion?: string | null;
  sharesToday?: number | null;
}

/**
 * One guideline rule: a module under lib/guidelines/rules/ exporting one of these and its `about`,
 * listed once in rules/index.ts. The composer's hints and the console read this; nothing switches on kinds.
 */
export interface GuidelineRule<Kind extends string = string> {
  readonly kind: Kind;
  readonly severity: HintSeverity;
  /** The guideline fields the rule reads (none: it always applies). */
  readonly settings: readonly (keyof Guidelines)[];
  /** Those fields' values when the admins have not set them (absent: the rule is off until set). */
  readonly defaults: Partial<Guidelines>;
  /** Its hints' ranges mark words to avoid (a preview may highlight them), not just where a problem starts. */
  readonly marksWords?: boolean;
  /** Its hint means the post is the suggestion as given: sharing it counts as not personalised. */
  readonly meansVerbatim?: boolean;
  /** What the rule finds in the post; may throw (the checker then drops this rule's findings). */
  check(input: RuleInput): readonly Finding[];
}

/**
 * A rule as admins read it in the console. Apart from the rule object so the pages' scripts, which
 * only check, don't carry these sentences.
 */
export interface RuleAbout {
  /** e.g. "Disclosure". */
  readonly label: string;
  /** What the rule checks, one sentence. */
  readonly description: string;
}

/** Declares a rule, keeping its kind's literal type (so HintKind follows the registry). */
export function defineRule<Kind extends string>(rule: GuidelineRule<Kind>): GuidelineRule<Kind> {
  return rule;
}
