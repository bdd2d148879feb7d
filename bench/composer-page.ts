/**
 * What the composer bench does to a page: serves the fixture feeds, appends posts, reads the page's own task time,
 * and copies the extension's stand-in button (host, open shadow root, elements) from one browser's page for the page
 * itself to insert in another browser without the extension: what such a button costs that page to render, whoever
 * inserts it. The copy is built from elements and attributes, no HTML parsing.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { fulfillSite } from '../tests/e2e/sites';

const FIXTURES = { linkedin: 'linkedin-feed-1000.html', x: 'x-feed-1000.html' } as const;

/** The sites from their fixtures; the API server on loopback as it is; nothing else. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    if (await fulfillSite(route, { ...FIXTURES })) return;
    return route.abort();
  });
}

/** The page's own main-thread task time (ms) across `work`, from the renderer's counters. */
export async function taskTime(cdp: CDPSession, work: () => Promise<void>): Promise<number> {
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const before = await read();
  await work();
  return (await read()) - before;
}

export const appendPosts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(100));

/** One node of the copy: an element (tag, namespace, attributes, children) or a text. */
export type NodeCopy = string | { tag: string; ns: string; attributes: [string, string][]; children: NodeCopy[] };

export interface StandInCopy {
  /** The host element, its shadow root's content as `children`. */
  host: Exclude<NodeCopy, string>;
  /** The data-testid of the element holding the button (X: the box's toolbar row); the copy needs one. */
  parent: string;
  /** Its place among that element's children. */
  index: number;
}

/**
 * The in-page halves as source text: tsx would wrap named functions written here in a helper the page lacks.
 * `copy` reads a node (an element's open shadow root in place of its children); `build` makes one from its copy.
 */
const COPY_SOURCE = `function copy(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const kids = node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
  return {
    tag: node.localName,
    ns: node.namespaceURI ?? '',
    attributes: [...node.attributes].map((attribute) => [attribute.name, attribute.value]),
    children: kids.map(copy).filter((child) => child !== null),
  };
}`;
const BUILD_SOURCE = `function build(node) {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = document.createElementNS(node.ns, node.tag);
  for (const [name, value] of node.attributes) element.setAttribute(name, value);
  element.append(...node.children.map(build));
  return element;
}`;

/** Reads the first Relay UI host on the page (`hostName`) and where it sits; null when there is none. */
export const copyStandIn = (page: Page, hostName: string) =>
  page.evaluate<StandInCopy | null>(`(() => {
    ${COPY_SOURCE}
    const host = document.querySelector(${JSON.stringify(hostName)});
    const parent = host?.parentElement?.getAttribute('data-testid');
    const index = parent ? [...host.parentElement.children].indexOf(host) : -1;
    const read = host?.shadowRoot ? copy(host) : null;
    return read && parent && index >= 0 ? { host: read, parent, index } : null;
  })()`);

/** The page inserts the copy, its content in an open shadow root, where the extension's button sat. */
export const insertCopy = (page: Page, standIn: StandInCopy) =>
  page.evaluate(`(() => {
    ${BUILD_SOURCE}
    const { host, parent, index } = ${JSON.stringify(standIn)};
    const element = document.createElement(host.tag);
    for (const [name, value] of host.attributes) element.setAttribute(name, value);
    element.attachShadow({ mode: 'open' }).append(...host.children.map(build));
    const into = document.querySelector('[data-testid="' + parent + '"]');
    into?.insertBefore(element, into.children[index] ?? null);
  })()`);
