/**
 * What the in-browser suites that need a programme share: published posts to seed an API server
 * with, and an advocate enrolled through the built extension's own popup (invite code, first sync
 * waited for), in a Chromium of its own.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { contentInputSchema, type ContentInput } from '../lib/schemas';
import type { TestServer } from '../tests/helpers/server';
import { launchChromium, type BenchBrowser } from './browser';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TOPICS = ['product launch', 'hiring', 'engineering blog', 'customer story', 'event recap', 'award'];

export function postInput(i: number): ContentInput {
  const topic = TOPICS[i % TOPICS.length] ?? 'news';
  return contentInputSchema.parse({
    title: `Post ${i + 1}: our latest ${topic}`,
    url: `https://example.com/news/${i}?ref=bench`,
    note: i % 3 === 0 ? `Share this ${topic} with your network this week.` : undefined,
    campaign: i % 4 === 0 ? `Campaign ${i % 12}` : undefined,
    tags: ['bench', topic.replace(/\s+/g, '-'), `week-${i % 20}`],
    variants: {
      linkedin: [
        `We just published a new ${topic}. Post ${i + 1} covers what changed and why it matters to our customers.`,
        `Proud of the team behind this ${topic} (post ${i + 1}). Have a look and tell me what you think.`,
      ],
      x: [`New ${topic}, post ${i + 1}: worth a read.`],
    },
    publish: true,
  });
}

async function extensionId(context: BrowserContext): Promise<string> {
  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  return new URL(worker.url()).host;
}

/**
 * What the extension's IndexedDB holds, read from one of its pages (never creates the database).
 * No named functions inside: tsx would wrap them in a helper the page does not have.
 */
function readStore(page: Page): Promise<{ posts: number; synced: boolean } | null> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((info) => info.name === 'relay')) return null;
    const opening = indexedDB.open('relay');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      opening.addEventListener('success', () => resolve(opening.result));
      opening.addEventListener('error', () => reject(opening.error));
    });
    try {
      const tx = db.transaction(['content', 'meta'], 'readonly');
      const [posts, status] = (await Promise.all(
        [tx.objectStore('content').count(), tx.objectStore('meta').get('status')].map(
          (request: IDBRequest) =>
            new Promise((resolve, reject) => {
              request.addEventListener('success', () => resolve(request.result));
              request.addEventListener('error', () => reject(request.error));
            }),
        ),
      )) as [number, { value?: { lastSyncAt?: string; error: unknown } } | undefined];
      return { posts, synced: !!status?.value?.lastSyncAt && status.value.error === null };
    } finally {
      db.close();
    }
  });
}

export interface Advocate {
  label: string;
  posts: number;
  server: TestServer;
  browser: BenchBrowser;
  popupUrl: string;
}

/** Starts Chromium with the extension, enrols through the popup and waits for the first sync. */
export async function enrolAdvocate(
  label: string,
  posts: number,
  server: TestServer,
  extensionDir: string,
): Promise<Advocate> {
  const browser = await launchChromium({ extensionDir, label: `popup-${label}` });
  try {
    const id = await extensionId(browser.context);
    const popupUrl = `chrome-extension://${id}/popup.html`;
    const invite = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    if (invite.status !== 201) throw new Error(`create invite: HTTP ${invite.status}: ${await invite.text()}`);
    const { code } = (await invite.json()) as { code: string };

    const page = await browser.context.newPage();
    try {
      await page.goto(popupUrl);
      await page.getByLabel('Server URL').fill(server.url);
      await page.getByLabel('Invite code').fill(code);
      await page.getByLabel('Your name').fill(`Bench ${label}`);
      await page.getByRole('button', { name: 'Connect' }).click();
      await page
        .getByRole('button', { name: 'Sync now' })
        .waitFor({ state: 'visible', timeout: 60_000 })
        .catch(async (error: Error) => {
          const shown = await page
            .locator('body')
            .innerText({ timeout: 1_000 })
            .catch(() => '');
          throw new Error(
            `${label}: enrolment did not finish (${error.message.split('\n')[0]}); the popup shows: ${shown}`,
          );
        });
      const deadline = Date.now() + 60_000;
      let store = await readStore(page);
      while (!(store?.synced && store.posts === posts)) {
        if (Date.now() > deadline)
          throw new Error(`${label}: the background did not sync ${posts} posts (store: ${JSON.stringify(store)})`);
        await sleep(250);
        store = await readStore(page);
      }
    } finally {
      await page.close();
    }
    return { label, posts, server, browser, popupUrl };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
