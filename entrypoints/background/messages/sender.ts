/**
 * Who sent a message: the popup (a page of this extension) or a content script (a tab's frame on a
 * composer's site, as lib/networks.ts lists them); anything else is no one Relay answers.
 */
import { COMPOSER_NETWORKS, network } from '../../../lib/networks';
import type { MessageSender, SenderContext } from './define';

/** This extension, as the browser names it: its id and the URL its pages start with (runtime.getURL('/')). */
export interface ExtensionIdentity {
  id: string;
  baseUrl: string;
}

/** Whether `url` is matched by a match pattern (`https://x.com/*`, `*://*.example.com/path*`). */
export function matchesPattern(pattern: string, url: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const schemeOk =
    scheme === '*' ? parsed.protocol === 'http:' || parsed.protocol === 'https:' : parsed.protocol === `${scheme}:`;
  const hostOk =
    host === '*' ||
    parsed.hostname === host ||
    (host.startsWith('*.') && (parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1))));
  const pathPattern = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return schemeOk && hostOk && pathPattern.test(parsed.pathname + parsed.search);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The match patterns of every page a Relay content script runs on. */
export const COMPOSER_PAGES: readonly string[] = COMPOSER_NETWORKS.flatMap((id) => network(id).contentScriptMatches);

/** Which context sent a message, or null when it is none Relay answers. */
export function senderContext(sender: MessageSender, self: ExtensionIdentity): SenderContext | null {
  if (sender.id !== self.id || !sender.url) return null;
  if (sender.url.startsWith(self.baseUrl)) return 'popup';
  if (sender.tab?.id !== undefined && COMPOSER_PAGES.some((pattern) => matchesPattern(pattern, sender.url!)))
    return 'content-script';
  return null;
}
