/**
 * Which Relay posts a composer's text holds: this advocate's Relay links (from synced content)
 * found in it, with or without the scheme, not as part of a longer URL. Pure; runs in the page on
 * text that never leaves it.
 */

export interface RelayLink {
  contentId: string;
  link: string;
}

const URL_CHAR = /[A-Za-z0-9_~%-]/;
const HOST_CHAR = /[A-Za-z0-9.-]/;

function bare(link: string): string {
  return link.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

function foundAt(text: string, needle: string): number {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + needle.length);
    const next = text.charAt(at + needle.length + 1);
    // "…/r/abc" ends the link; "…/r/abcd" or "…/r/abc/more" is another URL. A lone "/" is fine.
    const endsHere = !URL_CHAR.test(after) && !(after === '/' && URL_CHAR.test(next));
    if (endsHere && !HOST_CHAR.test(before)) return at;
  }
  return -1;
}

/** The ids of the Relay posts whose links are in `text`, in the order they appear, each once. */
export function relayContentIds(text: string, links: readonly RelayLink[]): string[] {
  if (text === '' || links.length === 0) return [];
  const hits: { at: number; contentId: string }[] = [];
  const lower = text.toLowerCase();
  for (const { contentId, link } of links) {
    const needle = bare(link);
    if (needle.length < 4) continue;
    // Hosts are case-insensitive, paths are not: compare the host part case-insensitively only.
    const slash = needle.indexOf('/');
    const host = (slash === -1 ? needle : needle.slice(0, slash)).toLowerCase();
    const path = slash === -1 ? '' : needle.slice(slash);
    let at = foundAt(lower, host + path.toLowerCase());
    while (at !== -1 && text.slice(at + host.length, at + host.length + path.length) !== path) {
      const next = foundAt(lower.slice(at + 1), host + path.toLowerCase());
      at = next === -1 ? -1 : at + 1 + next;
    }
    if (at !== -1) hits.push({ at, contentId });
  }
  const ids = new Set<string>();
  for (const hit of hits.sort((a, b) => a.at - b.at)) ids.add(hit.contentId);
  return [...ids];
}
