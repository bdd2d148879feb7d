/**
 * Debian's firefox-esr driven through WebDriver BiDi by puppeteer-core (no geckodriver, no
 * downloaded browser), with the Firefox build of the extension installed, and nothing leaving the
 * machine: pages' requests to the fixture hosts are answered by the fixtures (tests/e2e/sites.ts
 * `siteResponse`), and every other request that is not loopback, the browser's own included, goes
 * to a local proxy that refuses it and keeps its address.
 */
import { createServer, type Server } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';
import { firefoxCandidate } from '../../scripts/prerequisites/firefox';
import { INTENT_HOSTS } from '../e2e/intent-hosts';
import { siteResponse, type SiteChoice } from '../e2e/sites';

/** The build under test: global-setup.ts makes one per run and names it here for the workers. */
export const FIREFOX_EXTENSION_DIR_VARIABLE = 'RELAY_E2E_FIREFOX_EXTENSION_DIR';

export function firefoxExtensionDir(): string {
  const dir = process.env[FIREFOX_EXTENSION_DIR_VARIABLE];
  if (!dir)
    throw new Error(
      `${FIREFOX_EXTENSION_DIR_VARIABLE} is not set: run the tests with \`playwright test --project firefox\``,
    );
  return dir;
}

/** FIREFOX_PATH, else `firefox-esr` on PATH, else Debian's /usr/bin/firefox-esr. */
export function firefoxExecutable(): string {
  return firefoxCandidate(process.env);
}

const INTENT_PAGE =
  '<!doctype html><html><head><title>Share intent (fixture)</title></head><body>fixture</body></html>';

/** A proxy on loopback that refuses every request and remembers what it was asked for. */
export interface RefusingProxy {
  port: number;
  /**
   * "host:port" (HTTPS) or the URL (HTTP) of every refused request, in order, but for the browser's
   * own services (Mozilla's remote settings and the like: refused too, not worth a warning).
   */
  refused: string[];
  close(): Promise<void>;
}

const MOZILLA_SERVICE = /^(https?:\/\/)?[\w.-]+\.(mozilla\.(com|net|org)|firefox\.com)(:\d+)?(\/|$)/;

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const refused: string[] = [];
  const server: Server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (data) => {
      const [, target] = /^[A-Z]+ (\S+)/.exec(data.toString('latin1')) ?? [];
      if (!MOZILLA_SERVICE.test(target ?? '')) refused.push(target ?? '?');
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, refused, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Preferences of every Firefox the tests start: all traffic but loopback through the refusing
 * proxy, and, when
 * `dark`, the pages' prefers-color-scheme forced to dark.
 */
export function firefoxPrefs(proxyPort: number, { dark = false }: { dark?: boolean } = {}): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
    'network.dns.disableIPv6': true,
    'extensions.getAddons.cache.enabled': false,
    // 0: dark, 1: light, 2: the system's; the headless "system" is light.
    'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
    'ui.systemUsesDarkTheme': dark ? 1 : 0,
  };
}

export interface FirefoxOptions {
  proxyPort: number;
  dark?: boolean;
}

/** Starts headless firefox-esr (a fresh profile) and installs the extension build; returns the browser and the add-on id. */
export async function launchFirefox(options: FirefoxOptions): Promise<{ browser: Browser; addonId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    protocol: 'webDriverBiDi',
    headless: true,
    extraPrefsFirefox: firefoxPrefs(options.proxyPort, options),
  });
  try {
    const addonId = await browser.installExtension(firefoxExtensionDir());
    return { browser, addonId };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** What the interception saw: the intent hosts' pages it answered, in order. */
export interface Interception {
  sites: SiteChoice;
  intents: string[];
}

/** The few WebDriver BiDi messages the interception sends and reads (puppeteer passes them through). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: BeforeRequestSent) => void): unknown;
}

interface BeforeRequestSent {
  isBlocked: boolean;
  intercepts?: string[];
  navigation: string | null;
  request: { request: string; url: string; method: string };
}

/**
 * Answers every tab's requests to the intent hosts (the site fixtures for www.linkedin.com and
 * x.com, a tiny page for the others), the tabs the add-on opens included. One browser-wide
 * `network.addIntercept` does it: puppeteer's page.setRequestInterception is per tab, and a tab
 * the add-on opens (a share intent) starts loading before a test could turn it on there. Other
 * requests are not held: loopback goes through, the rest reaches the refusing proxy.
 */
export async function interceptSites(browser: Browser, interception: Interception): Promise<void> {
  // puppeteer's BiDi browser exposes its connection (`Browser.connection`, untyped on the abstract class).
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result } = await connection.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [...INTENT_HOSTS].map((hostname) => ({ type: 'pattern', protocol: 'https', hostname })),
  });
  const id = result.intercept as string;
  connection.on('network.beforeRequestSent', (event) => {
    if (!event.isBlocked || !event.intercepts?.includes(id)) return;
    void answer(connection, event, interception).catch(() => undefined);
  });
}

async function answer(connection: BidiConnection, event: BeforeRequestSent, interception: Interception): Promise<void> {
  const { request, url, method } = event.request;
  if (event.navigation !== null) interception.intents.push(url);
  const fixture = await siteResponse(url, method, interception.sites);
  const reply = fixture ?? { status: 200, contentType: 'text/html', body: INTENT_PAGE };
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  const headers = [
    ...(reply.contentType ? [{ name: 'content-type', value: { type: 'string', value: reply.contentType } }] : []),
    { name: 'content-length', value: { type: 'string', value: String(body.length) } },
  ];
  await connection.send('network.provideResponse', {
    request,
    statusCode: reply.status,
    reasonPhrase: reply.status === 200 ? 'OK' : 'Not Found',
    headers,
    body: { type: 'base64', value: body.toString('base64') },
  });
}
