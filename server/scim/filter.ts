/** SCIM filters (RFC 7644 §3.4.2.2) on Relay's users and groups: scimmy parses, matching here follows RFC 7643's case rules. */
import SCIMMY from 'scimmy';

type Resource = Record<string, unknown>;

// scimmy's own match compares strings exactly; RFC 7643 makes every string attribute case-insensitive
// but the case-exact ones (id, externalId, members.value). Enterprise attributes are named by URN.
/** Attribute paths compared exactly; dates too, left as written. */
const CASE_EXACT = new Set(['id', 'externalid', 'members.value', 'meta']);
const URN = /^urn:/i;

function exact(path: string): boolean {
  const lower = path.toLowerCase();
  return CASE_EXACT.has(lower) || CASE_EXACT.has(lower.split('.')[0]!);
}

/** A resource as the filter sees it: strings folded to lower case where the attribute is not case-exact. */
function foldValue(value: unknown, path: string): unknown {
  if (typeof value === 'string') return exact(path) ? value : value.toLowerCase();
  if (Array.isArray(value)) return value.map((each) => foldValue(each, path));
  if (value instanceof Date || typeof value !== 'object' || value === null) return value;
  const out: Resource = {};
  for (const [key, each] of Object.entries(value)) {
    out[key] = foldValue(each, path ? `${path}.${key}` : key);
    // An extension's attributes are also reachable as "<urn>:<attribute>", the way filters name them.
    if (!path && URN.test(key) && each && typeof each === 'object') {
      for (const [name, inner] of Object.entries(each)) out[`${key}:${name}`] = foldValue(inner, name);
    }
  }
  return out;
}

/** The parsed expression with its compared values folded the same way. */
function foldExpression(expression: unknown, path: string): unknown {
  if (Array.isArray(expression)) {
    // A comparison: [op, value], ["not", op, value] or [op] (pr); or several comparisons of one attribute.
    if (expression.some(Array.isArray)) return expression.map((each) => foldExpression(each, path));
    if (expression.length < 2) return expression;
    const last = expression[expression.length - 1];
    return [...expression.slice(0, -1), typeof last === 'string' && !exact(path) ? last.toLowerCase() : last];
  }
  if (typeof expression !== 'object' || expression === null) return expression;
  return Object.fromEntries(
    Object.entries(expression).map(([key, each]) => [key, foldExpression(each, path ? `${path}.${key}` : key)]),
  );
}

/** The resources `filter` selects (all of them without a filter), in their order. */
export function applyFilter<R extends Resource>(filter: SCIMMY.Types.Filter | undefined, resources: R[]): R[] {
  if (!filter || filter.length === 0) return resources;
  const folded = new SCIMMY.Types.Filter(filter.map((branch) => foldExpression(branch, '')));
  return resources.filter((resource) => {
    try {
      return folded.match([foldValue(resource, '') as Resource]).length === 1;
    } catch {
      // scimmy's match fails on a resource without the complex attribute a filter looks into: no match.
      return false;
    }
  });
}

/**
 * `attribute eq "value"` when that is the whole filter (one branch, one comparison, a string), for
 * an indexed lookup before the filter itself is applied; the attribute name in lower case.
 */
export function equalityOf(filter: SCIMMY.Types.Filter | undefined): { attribute: string; value: string } | undefined {
  if (!filter || filter.length !== 1) return undefined;
  const entries = Object.entries(filter[0] as Resource);
  if (entries.length !== 1) return undefined;
  const [attribute, comparison] = entries[0]!;
  if (!Array.isArray(comparison) || comparison.length !== 2 || comparison[0] !== 'eq') return undefined;
  return typeof comparison[1] === 'string' ? { attribute: attribute.toLowerCase(), value: comparison[1] } : undefined;
}
