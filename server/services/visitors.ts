/**
 * Who is following a tracked link: a person, or a machine fetching a preview (the networks'
 * unfurlers, chat apps, crawlers, command-line clients, browser prefetches). Machines are still
 * redirected, so link previews work, but their visits are not counted as clicks.
 */
import { NETWORKS, network } from '../../lib/networks';

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each network's own link-preview fetchers (lib/networks.ts), as written there. */
export const NETWORK_PREVIEW_BOTS: readonly string[] = [...new Set(NETWORKS.flatMap((id) => network(id).previewBots))];

/** Link-preview bots and crawlers by user agent. Matched case-insensitively anywhere in the string. */
const MACHINE_AGENTS = new RegExp(
  [
    ...NETWORK_PREVIEW_BOTS.map(escape),
    // Generic words most robots put in their user agent (LinkedInBot, Twitterbot, Slackbot, Discordbot,
    // TelegramBot, Googlebot, bingbot, Applebot, redditbot, …).
    'bot\\b',
    'bot/',
    'bot-',
    'crawl',
    'spider',
    'slurp',
    'preview',
    'scraper',
    'fetcher',
    'unfurl',
    'externalhit',
    // Named preview fetchers without "bot" in their name, besides the networks' own. (Not the
    // networks' in-app browsers, e.g. [LinkedInApp] or FBAN: people reading the post click through those.)
    'slack-imgproxy',
    'meta-externalagent',
    'whatsapp',
    'skypeuripreview',
    'embedly',
    'iframely',
    'vkshare',
    'mastodon',
    'pleroma',
    'bitlybot',
    'nuzzel',
    'outbrain',
    'quora link preview',
    'google-pagerenderer',
    'google-inspectiontool',
    'googleother',
    'headlesschrome',
    'phantomjs',
    'lighthouse',
    'pingdom',
    'uptime',
    'monitor',
    'ia_archiver',
    'archive.org',
    // Command-line tools and HTTP libraries.
    '^curl',
    '^wget',
    'python-requests',
    'python-urllib',
    'aiohttp',
    'httpx',
    'go-http-client',
    '^java/',
    'okhttp',
    'axios',
    'node-fetch',
    'undici',
    'libwww',
    'httpclient',
    'http_request',
    'scrapy',
    'postman',
    'insomnia',
  ].join('|'),
  'i',
);

export interface VisitRequest {
  method: string;
  userAgent: string | undefined;
  /** Purpose / Sec-Purpose / X-Purpose / X-Moz: browsers mark prefetches and previews. */
  purpose: string | undefined;
}

/** True when the visit must not count as a click: HEAD, a prefetch, an empty or robot user agent. */
export function isMachineVisit(request: VisitRequest): boolean {
  if (request.method !== 'GET') return true;
  if (request.purpose && /prefetch|preview|prerender/i.test(request.purpose)) return true;
  const agent = request.userAgent?.trim();
  if (!agent) return true;
  return MACHINE_AGENTS.test(agent);
}
