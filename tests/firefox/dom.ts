/**
 * Small puppeteer helpers for the Firefox suite: find elements the way a person names them (role and
 * accessible name), through open shadow roots (the LinkedIn shadow composer, Relay's own UI), wait
 * for them, click them with real input events and type into them with the keyboard.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

/** An element by role and accessible name: 'button' (button or role=button), 'field' (a labelled input), or any ARIA role. */
export interface Query {
  role: string;
  /** The accessible name: a string matches exactly (trimmed), a RegExp source partially. */
  name?: string | RegExp;
  /** Only elements inside the first element matching this CSS selector (searched through shadow roots too). */
  within?: string;
  /** With `within`: the first such element whose text matches this. */
  withinText?: RegExp;
}

/** A RegExp as it crosses into the page: source and flags. */
type Pattern = [string, string];

interface WireQuery {
  role: string;
  name?: string;
  pattern?: Pattern;
  within?: string;
  withinText?: Pattern;
  /** Only elements whose text matches this RegExp. */
  text?: Pattern;
  /** Succeed (true) when nothing matches. */
  absent?: boolean;
}

const wire = ({ role, name, within, withinText }: Query): WireQuery => ({
  role,
  ...(name instanceof RegExp ? { pattern: [name.source, name.flags] as Pattern } : { name }),
  within,
  withinText: withinText && ([withinText.source, withinText.flags] as Pattern),
});

/**
 * Runs in the page: the first visible element matching the query, or null (with `absent`: true when
 * none, else null). Self-contained: it is serialised into the page, and extension pages allow no eval.
 */
function findElement(query: WireQuery): Element | boolean | null {
  const roots: (Document | ShadowRoot)[] = [];
  const collect = (root: Document | ShadowRoot) => {
    roots.push(root);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) collect(element.shadowRoot);
  };
  collect(document);
  const all = (selector: string) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Text as a screen reader names it: without aria-hidden parts (icons).
  const spoken = (element: Element): string => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      else if (node.nodeType === Node.ELEMENT_NODE && (node as Element).getAttribute('aria-hidden') !== 'true')
        node.childNodes.forEach(walk);
    };
    walk(element);
    return parts.join('').replace(/\s+/g, ' ').trim();
  };
  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    const labelledBy = element.getAttribute('aria-labelledby');
    const root = element.getRootNode() as Document | ShadowRoot;
    if (labelledBy)
      return labelledBy
        .split(/\s+/)
        .map((id) => text(root.getElementById(id)))
        .join(' ');
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length) return spoken(labels[0]!);
    return spoken(element);
  };
  const selector: Record<string, string> = {
    button: 'button, [role="button"]',
    field: 'input, textarea, select',
    radio: 'input[type="radio"], [role="radio"]',
    region: 'section[aria-label], section[aria-labelledby], [role="region"]',
    article: 'article, [role="article"]',
    dialog: 'dialog, [role="dialog"]',
    status: 'output, [role="status"]',
  };
  const scope = query.within
    ? all(query.within).find(
        (element) => query.withinText === undefined || new RegExp(...query.withinText).test(text(element)),
      )
    : undefined;
  if (query.within && !scope) return query.absent ? true : null;
  const candidates = all(selector[query.role] ?? `[role="${query.role}"]`);
  const visible = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const inScope = (element: Element) => {
    if (!scope) return true;
    for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null)
      if (node === scope) return true;
    return false;
  };
  const named = (element: Element) => {
    if (query.name !== undefined) return nameOf(element) === query.name;
    if (query.pattern !== undefined) return new RegExp(...query.pattern).test(nameOf(element));
    return true;
  };
  const texted = (element: Element) => query.text === undefined || new RegExp(...query.text).test(text(element));
  const found = candidates.find((element) => inScope(element) && named(element) && visible(element) && texted(element));
  if (query.absent) return found ? null : true;
  return found ?? null;
}

const describe = (query: Query) =>
  `${query.role} ${query.name ? `"${String(query.name)}"` : ''}${query.within ? ` in ${query.within}` : ''}`;

/** Waits for the element (visible), up to `timeout` ms. */
export async function waitFor(page: Page, query: Query, timeout = 10_000): Promise<ElementHandle<Element>> {
  try {
    const handle = await page.waitForFunction(findElement, { polling: 100, timeout }, wire(query));
    return handle.asElement() as ElementHandle<Element>;
  } catch (error) {
    throw new Error(`no ${describe(query)} within ${timeout} ms (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Whether a visible element matches now. */
export async function isShown(page: Page, query: Query): Promise<boolean> {
  return (await page.evaluate(findElement, wire(query))) !== null;
}

/** Waits until no visible element matches. */
export async function waitForGone(page: Page, query: Query, timeout = 10_000): Promise<void> {
  await page
    .waitForFunction(findElement, { polling: 100, timeout }, { ...wire(query), absent: true })
    .catch((error: Error) => {
      throw new Error(`${describe(query)} still there after ${timeout} ms (${error.message.split('\n')[0]})`);
    });
}

/** Clicks the element with the mouse once it is there. */
export async function click(page: Page, query: Query): Promise<void> {
  const element = await waitFor(page, query);
  await element.click();
}

/** Types `value` into the labelled field (clicked first, emptied). */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await waitFor(page, { role: 'field', name: label });
  await field.click({ count: 3 });
  await field.evaluate((input) => ((input as HTMLInputElement).value = ''));
  await field.type(value);
}

/** Waits until the element's text matches; returns that text. */
export async function waitForText(page: Page, query: Query, expected: RegExp, timeout = 10_000): Promise<string> {
  try {
    const handle = await page.waitForFunction(
      findElement,
      { polling: 100, timeout },
      { ...wire(query), text: [expected.source, expected.flags] as Pattern },
    );
    return await (handle.asElement() as ElementHandle<Element>).evaluate((element) =>
      (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  } catch (error) {
    throw new Error(
      `${describe(query)} never read ${expected} within ${timeout} ms (${(error as Error).message.split('\n')[0]})`,
    );
  }
}

/** Polls `read` until `accept` holds of its value (or throws with the last value seen). */
export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeout = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
