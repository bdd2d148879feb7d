/** The one list of networks Relay shares to: everything that varies by network is a field here. */

/** How a network counts a post's length. */
export type LengthCounting =
  /** twitter-text's weighted length (config v3): a URL counts 23, most emoji and CJK characters 2. */
  | 'twitter-weighted'
  /** User-perceived characters (Intl.Segmenter graphemes). */
  | 'graphemes'
  /** Unicode code points, as LinkedIn counts them (an emoji counts once). */
  | 'characters';

export interface NetworkDefinition {
  /** Stable id: the key of variants, links, points and share events. Never renamed. */
  readonly id: string;
  /** As people read it: "Share on {label}". */
  readonly label: string;
  /** false: the share is the link alone (the network forbids prefilled text). */
  readonly carriesText: boolean;
  /** The longest post the network takes, and how it counts. */
  readonly length: { readonly max: number; readonly counting: LengthCounting };
  /** What goes between the text and a link appended to it (a variant without `{link}`). */
  readonly linkSeparator: string;
  /** The URL that opens the network's composer with this text (link included) or this link. */
  intentUrl(text: string, link: string): string;
  /**
   * Match patterns of the pages a content script integrates with the composer on, the extension's
   * host permissions; empty: sharing goes through the intent alone.
   */
  readonly contentScriptMatches: readonly string[];
  /** User-agent words of the network's link-preview fetchers (case-insensitive): never counted as clicks. */
  readonly previewBots: readonly string[];
  /** Points per share until the admins change them; 0: off by default. */
  readonly defaultPoints: number;
  /** What an admin should know before rewarding shares on the network (the console shows it by its points). */
  readonly pointsNote?: string;
  /** Switched on for a post the console starts (admins opt a post in to the others). */
  readonly onForNewPosts: boolean;
  /** Its icon: our own glyph, drawn as a monogram on the network's colour. */
  readonly icon: { readonly glyph: string; readonly color: string };
}

const query = encodeURIComponent;

const REGISTRY = {
  linkedin: {
    id: 'linkedin',
    label: 'LinkedIn',
    carriesText: true,
    length: { max: 3000, counting: 'characters' },
    linkSeparator: '\n\n',
    intentUrl: (text: string) => `https://www.linkedin.com/feed/?shareActive=true&text=${query(text)}`,
    contentScriptMatches: ['https://www.linkedin.com/*'],
    previewBots: ['LinkedInBot'],
    defaultPoints: 10,
    onForNewPosts: true,
    icon: { glyph: 'in', color: '#0a66c2' },
  },
  x: {
    id: 'x',
    label: 'X',
    carriesText: true,
    length: { max: 280, counting: 'twitter-weighted' },
    linkSeparator: ' ',
    intentUrl: (text: string) => `https://x.com/intent/post?text=${query(text)}`,
    contentScriptMatches: ['https://x.com/*', 'https://twitter.com/*'],
    previewBots: ['Twitterbot'],
    defaultPoints: 10,
    onForNewPosts: true,
    icon: { glyph: 'X', color: '#0f1419' },
  },
  facebook: {
    id: 'facebook',
    label: 'Facebook',
    carriesText: false,
    length: { max: 63_206, counting: 'characters' },
    linkSeparator: '\n\n',
    intentUrl: (_text: string, link: string) => `https://www.facebook.com/sharer/sharer.php?u=${query(link)}`,
    contentScriptMatches: [],
    previewBots: ['facebookexternalhit', 'facebookcatalog', 'Facebot'],
    // Off by default, as its note says: Facebook's terms forbid rewarding people for sharing.
    defaultPoints: 0,
    pointsNote: 'Facebook’s policy forbids rewarding people for posting, so it starts at 0 (off).',
    onForNewPosts: true,
    icon: { glyph: 'f', color: '#1877f2' },
  },
  bluesky: {
    id: 'bluesky',
    label: 'Bluesky',
    carriesText: true,
    // Bluesky's "Action Intent Links" (docs.bsky.app, checked 2026): https://bsky.app/intent/compose
    // with the URL-escaped `text` query parameter prefills the composer; a post is at most 300
    // graphemes. No content script: the share is logged when the popup opens the intent.
    length: { max: 300, counting: 'graphemes' },
    linkSeparator: '\n\n',
    intentUrl: (text: string) => `https://bsky.app/intent/compose?text=${query(text)}`,
    contentScriptMatches: [],
    // Its link-card fetcher (cardyb) looks like Chrome but for "compatible; Bluesky Cardyb/1.1".
    previewBots: ['Cardyb'],
    // Logged when the intent opens, not when the post is published.
    defaultPoints: 5,
    onForNewPosts: false,
    icon: { glyph: 'b', color: '#1185fe' },
  },
  threads: {
    id: 'threads',
    label: 'Threads',
    carriesText: true,
    // Threads' web intents (Meta's developer docs, updated March 2026): https://www.threads.com/intent/post
    // (formerly www.threads.net) with the URL-escaped `text` query parameter prefills the post; a
    // post is at most 500 characters. No content script: logged when the popup opens the intent.
    length: { max: 500, counting: 'characters' },
    linkSeparator: '\n\n',
    intentUrl: (text: string) => `https://www.threads.com/intent/post?text=${query(text)}`,
    contentScriptMatches: [],
    // Meta's crawler makes the link previews of its apps (Threads among them): FacebookExternalHit,
    // and meta-externalfetcher for fetches a person asked for.
    previewBots: ['facebookexternalhit', 'meta-externalfetcher'],
    // As Bluesky's: logged when the intent opens, not when the post is published.
    defaultPoints: 5,
    onForNewPosts: false,
    icon: { glyph: '@', color: '#101010' },
  },
} as const satisfies Record<string, NetworkDefinition>;

export type Network = keyof typeof REGISTRY;

/** Networks whose share carries text written by the admins (LinkedIn, X; not Facebook). */
export type TextNetwork = {
  [K in Network]: (typeof REGISTRY)[K]['carriesText'] extends true ? K : never;
}[Network];

/** Networks with a content script in their composer (LinkedIn, X); the others share through their intent alone. */
export type ComposerNetwork = {
  [K in Network]: (typeof REGISTRY)[K]['contentScriptMatches'] extends readonly [] ? never : K;
}[Network];

/** Every network, in the order people see them. */
export const NETWORKS = Object.keys(REGISTRY) as [Network, ...Network[]];

/** Networks whose share carries text, in the same order. */
export const TEXT_NETWORKS = NETWORKS.filter((id): id is TextNetwork => REGISTRY[id].carriesText) as [
  TextNetwork,
  ...TextNetwork[],
];

/** Networks whose composer a content script integrates with, in the same order. */
export const COMPOSER_NETWORKS = NETWORKS.filter(
  (id): id is ComposerNetwork => REGISTRY[id].contentScriptMatches.length > 0,
) as [ComposerNetwork, ...ComposerNetwork[]];

export function network(id: Network): NetworkDefinition {
  return REGISTRY[id];
}

export function isNetwork(value: unknown): value is Network {
  return typeof value === 'string' && Object.hasOwn(REGISTRY, value);
}

export function isTextNetwork(value: unknown): value is TextNetwork {
  return isNetwork(value) && REGISTRY[value].carriesText;
}

export function isComposerNetwork(value: unknown): value is ComposerNetwork {
  return isNetwork(value) && REGISTRY[value].contentScriptMatches.length > 0;
}

/** The hosts a network's content scripts run on, from its match patterns ("https://x.com/*" → "x.com"). */
export function contentScriptHosts(id: Network): string[] {
  return REGISTRY[id].contentScriptMatches.map((pattern) => pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, ''));
}

/** Every content script's match patterns: the extension's host permissions. */
export function allContentScriptMatches(): string[] {
  return NETWORKS.flatMap((id) => REGISTRY[id].contentScriptMatches);
}

/** "LinkedIn", "X", … */
export function networkLabel(id: Network): string {
  return REGISTRY[id].label;
}

/** "LinkedIn, X and Bluesky" (or "… or …"): networks named in a sentence. */
export function networkLabels(ids: readonly Network[], conjunction: 'and' | 'or' = 'and'): string {
  const labels = ids.map(networkLabel);
  return labels.length < 2 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${conjunction} ${labels.at(-1)}`;
}

/** One value per network, e.g. `perNetwork((id) => network(id).defaultPoints)`. */
export function perNetwork<T>(make: (id: Network) => T): Record<Network, T> {
  return Object.fromEntries(NETWORKS.map((id) => [id, make(id)])) as Record<Network, T>;
}

/** One value per network whose share carries text. */
export function perTextNetwork<T>(make: (id: TextNetwork) => T): Record<TextNetwork, T> {
  return Object.fromEntries(TEXT_NETWORKS.map((id) => [id, make(id)])) as Record<TextNetwork, T>;
}
