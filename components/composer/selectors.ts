/**
 * A site's selectors as data: the adapter's built-in table, overridable per key by strings the
 * server sends in sync (never code). An override that is not valid CSS is refused when set; one
 * that matches nothing where it is used falls back to the built-in, so a wrong fix never makes
 * things worse than the release it patches.
 */

/** The keys a site's table may be overridden by: names, as sync carries them. */
export const SELECTOR_KEY = /^[a-z][A-Za-z0-9]{0,39}$/;
/** The longest selector an override may carry. */
export const MAX_SELECTOR_LENGTH = 1_000;

/** True when `selector` parses as a CSS selector list in this browser. */
export function isValidSelector(selector: string): boolean {
  if (selector.trim() === '' || selector.length > MAX_SELECTOR_LENGTH) return false;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** Why an override was not taken, for the console's health view and the page's console. */
export interface RefusedOverride {
  key: string;
  reason: 'unknown-key' | 'invalid';
}

export class SiteSelectors<K extends string> {
  private overrides = new Map<K, string>();
  /** union()'s answers, dropped when the overrides change. */
  private unions = new Map<string, string>();

  constructor(private readonly builtIn: Readonly<Record<K, string>>) {}

  /** The keys of the built-in table (what an override may name). */
  keys(): K[] {
    return Object.keys(this.builtIn) as K[];
  }

  /** Replaces every override with `overrides` (keys this table lacks and invalid CSS are refused). */
  setOverrides(overrides: Readonly<Record<string, string>>): RefusedOverride[] {
    const refused: RefusedOverride[] = [];
    const next = new Map<K, string>();
    for (const [key, selector] of Object.entries(overrides)) {
      if (!Object.hasOwn(this.builtIn, key)) refused.push({ key, reason: 'unknown-key' });
      else if (!isValidSelector(selector)) refused.push({ key, reason: 'invalid' });
      else next.set(key as K, selector);
    }
    this.overrides = next;
    this.unions.clear();
    return refused;
  }

  /** The override of `key` in force, if any. */
  override(key: K): string | undefined {
    return this.overrides.get(key);
  }

  /** The built-in selector of `key`. */
  builtInOf(key: K): string {
    return this.builtIn[key];
  }

  /** The selector to use where a single string is needed (a precheck): override and built-in together. */
  either(key: K): string {
    const override = this.overrides.get(key);
    return override ? `${override}, ${this.builtIn[key]}` : this.builtIn[key];
  }

  /** One selector matching any of `keys` (overrides and built-ins), for a cheap precheck; kept until the overrides change. */
  union(...keys: K[]): string {
    const name = keys.join(' ');
    let selector = this.unions.get(name);
    if (selector === undefined) {
      selector = keys.map((key) => this.either(key)).join(', ');
      this.unions.set(name, selector);
    }
    return selector;
  }

  /** The elements under `scope` (and `scope` itself) matching `key`: the override's, else the built-in's. */
  all(scope: ParentNode, key: K): Element[] {
    const override = this.overrides.get(key);
    if (override) {
      const found = within(scope, override);
      if (found.length > 0) return found;
    }
    return within(scope, this.builtIn[key]);
  }

  /** The first element under `scope` matching `key` (override first, else the built-in). */
  first<E extends Element = Element>(scope: ParentNode, key: K): E | null {
    const override = this.overrides.get(key);
    const found = override ? scope.querySelector<E>(override) : null;
    return found ?? scope.querySelector<E>(this.builtIn[key]);
  }

  /** True when `element` matches `key`'s override or its built-in. */
  matches(element: Element, key: K): boolean {
    const override = this.overrides.get(key);
    return (override !== undefined && element.matches(override)) || element.matches(this.builtIn[key]);
  }

  /** The closest ancestor (or `element`) matching `key`: the override's, else the built-in's. */
  closest(element: Element, key: K): Element | null {
    const override = this.overrides.get(key);
    return (override ? element.closest(override) : null) ?? element.closest(this.builtIn[key]);
  }
}

/** `scope`'s matches of `selector`, `scope` itself first when it matches. */
export function within(scope: ParentNode, selector: string): Element[] {
  const found = [...scope.querySelectorAll(selector)];
  if (scope instanceof Element && scope.matches(selector)) found.unshift(scope);
  return found;
}
