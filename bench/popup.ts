/**
 * The popup suite: time from navigation start to the first render of the post list, opening the
 * built extension's popup in real Chromium for an advocate with 1,000 synced posts, beside the same
 * measurement for an advocate with none (the empty state's first render) as the baseline.
 *
 * The popup marks `relay:first-render` (components/PostList.tsx) when the list, or its empty state,
 * is first in the DOM; its startTime is measured from the page's navigation start.
 *
 * Target: the 1,000-post median ≤ 100 ms.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { FIRST_RENDER_MARK, PAGE_SIZE } from '../components/PostList';
import { contentInputSchema, type ContentInput } from '../lib/schemas';
import { createContent } from '../server/services/content-writes';
import { startTestServer, type TestServer } from '../tests/helpers/server';
import { launchChromium, median, p95, sampleCount, within, type BenchBrowser } from './browser';
import type { Suite, SuiteOutcome } from './suite';
import { formatMs, formatRatio, renderTable } from './table';

export const POPUP_POSTS = 1_000;
export const TARGET_FIRST_RENDER_MS = 100;
const DEFAULT_SAMPLES = 15;
const WARMUP_OPENS = 3;
/** Between two opens, so the background's work for the last popup (port, messages) has settled. */
const SETTLE_MS = 150;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (message: string) => process.stderr.write(`[bench popup] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TOPICS = ['product launch', 'hiring', 'engineering blog', 'customer story', 'event recap', 'award'];

function postInput(i: number): ContentInput {
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

/** `wxt build` into `outDir` (no server URL baked in, so the setup form asks for one). */
export async function buildExtension(outDir: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, RELAY_OUTPUT_DIR: outDir };
  delete env.RELAY_SERVER_URL;
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
      cwd: ROOT,
      env,
      timeout: 300_000,
      maxBuffer: 32 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`wxt build failed: ${(error as Error).message}\n${`${stdout}\n${stderr}`.trim().slice(-2000)}`);
  }
  const dir = join(outDir, 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build did not produce ${dir}`);
  return dir;
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

interface Advocate {
  label: string;
  posts: number;
  server: TestServer;
  browser: BenchBrowser;
  popupUrl: string;
}

/** Starts Chromium with the extension, enrols through the popup and waits for the first sync. */
async function enrolAdvocate(
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

interface Open {
  firstRender: number;
  domContentLoaded: number;
}

/** Opens the popup in a fresh tab and reads when its list first rendered. */
async function openPopup(advocate: Advocate): Promise<Open> {
  const page = await advocate.browser.context.newPage();
  try {
    await page.goto(advocate.popupUrl, { waitUntil: 'commit' });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_RENDER_MARK, {
      timeout: 15_000,
      polling: 16,
    });
    const seen = await page.evaluate((mark) => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        firstRender: performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN,
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        cards: document.querySelectorAll('article.post').length,
        empty: document.querySelector('.empty') !== null,
      };
    }, FIRST_RENDER_MARK);
    const expectedCards = Math.min(advocate.posts, PAGE_SIZE);
    if (seen.cards !== expectedCards || seen.empty !== (advocate.posts === 0))
      throw new Error(
        `${advocate.label}: the popup showed ${seen.cards} cards${seen.empty ? ' and the empty state' : ''}, expected ${expectedCards}`,
      );
    return { firstRender: seen.firstRender, domContentLoaded: seen.domContentLoaded };
  } finally {
    await page.close();
    await sleep(SETTLE_MS);
  }
}

interface Measured {
  firstRender: number[];
  domContentLoaded: number[];
}

export const popupSuite: Suite = {
  name: 'popup',
  summary: `Popup time to first render of the list with ${POPUP_POSTS.toLocaleString('en-US')} cached posts, against an empty popup`,
  async run() {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    const samples = sampleCount(DEFAULT_SAMPLES);
    const work = mkdtempSync(join(tmpdir(), 'relay-bench-popup-build-'));
    const servers: TestServer[] = [];
    const advocates: Advocate[] = [];
    const scenario: Measured = { firstRender: [], domContentLoaded: [] };
    const baseline: Measured = { firstRender: [], domContentLoaded: [] };
    try {
      log('building the extension (wxt build)');
      const extensionDir = await within(320_000, 'wxt build', buildExtension(work));

      log(`starting two API servers; seeding ${POPUP_POSTS} published posts on the first`);
      const full = await startTestServer();
      servers.push(full);
      const empty = await startTestServer();
      servers.push(empty);
      for (let i = 0; i < POPUP_POSTS; i++) await createContent(full.deps, postInput(i));

      log('enrolling one advocate per server through the popup and waiting for the first sync');
      const withPosts = await within(120_000, 'enrolment', enrolAdvocate('posts', POPUP_POSTS, full, extensionDir));
      advocates.push(withPosts);
      const withNone = await within(120_000, 'enrolment', enrolAdvocate('empty', 0, empty, extensionDir));
      advocates.push(withNone);

      log(`warming up (${WARMUP_OPENS} opens each), then ${samples} alternating opens each`);
      for (let i = 0; i < WARMUP_OPENS; i++) {
        await openPopup(withPosts);
        await openPopup(withNone);
      }
      const record = async (advocate: Advocate, into: Measured) => {
        const open = await openPopup(advocate);
        into.firstRender.push(open.firstRender);
        into.domContentLoaded.push(open.domContentLoaded);
      };
      for (let round = 0; round < samples; round++) {
        if (round % 2 === 0) {
          await record(withNone, baseline);
          await record(withPosts, scenario);
        } else {
          await record(withPosts, scenario);
          await record(withNone, baseline);
        }
      }
    } catch (error) {
      const message = (error as Error).message;
      outcome.errors.push(message);
      log(`FAILED: ${message}`);
    } finally {
      for (const advocate of advocates)
        await advocate.browser
          .close()
          .catch((error: unknown) => outcome.errors.push(`closing Chromium: ${(error as Error).message}`));
      for (const server of servers)
        await server
          .stop()
          .catch((error: unknown) => outcome.errors.push(`stopping a server: ${(error as Error).message}`));
      rmSync(work, { recursive: true, force: true });
    }

    const complete = scenario.firstRender.length === samples && baseline.firstRender.length === samples;
    const scenarioMedian = median(scenario.firstRender);
    const baselineMedian = median(baseline.firstRender);
    let verdict = 'ERROR';
    if (complete) {
      verdict = scenarioMedian <= TARGET_FIRST_RENDER_MS ? 'ok' : 'MISSED';
      if (verdict === 'MISSED')
        outcome.missed.push(
          `popup: first render with ${POPUP_POSTS} posts took ${formatMs(scenarioMedian)} ms (median), target ≤ ${TARGET_FIRST_RENDER_MS} ms`,
        );
    }
    const cell = (value: number) => (complete ? formatMs(value) : '—');
    const lines = [
      '',
      `## Popup time to first render (${samples} opens per scenario, alternating, after ${WARMUP_OPENS} warm-up opens; headless Chromium, built extension)`,
      '',
      renderTable(
        [
          { header: 'scenario' },
          { header: 'median ms', align: 'right' },
          { header: 'p95 ms', align: 'right' },
          { header: 'baseline median', align: 'right' },
          { header: 'ratio', align: 'right' },
          { header: 'target' },
          { header: 'ok?' },
        ],
        [
          [
            `${POPUP_POSTS.toLocaleString('en-US')} cached posts`,
            cell(scenarioMedian),
            cell(p95(scenario.firstRender)),
            cell(baselineMedian),
            complete ? formatRatio(scenarioMedian / baselineMedian) : '—',
            `≤ ${TARGET_FIRST_RENDER_MS} ms`,
            verdict,
          ],
          ['empty popup (baseline)', cell(baselineMedian), cell(p95(baseline.firstRender)), '—', '—', '—', '—'],
        ],
      ),
      '',
      'Time from navigation start of chrome-extension://<id>/popup.html (a fresh tab each open) to the ' +
        `"${FIRST_RENDER_MARK}" mark, made when the list (or the empty state) is first in the DOM. ` +
        'ratio = median ÷ baseline median.',
    ];
    if (complete) {
      const split = (measured: Measured) =>
        `DOMContentLoaded median ${formatMs(median(measured.domContentLoaded))} ms, then ` +
        `${formatMs(median(measured.firstRender.map((value, i) => value - (measured.domContentLoaded[i] ?? 0))))} ms to the first render ` +
        `(state from the background, then render); first render min ${formatMs(Math.min(...measured.firstRender))} ms, ` +
        `max ${formatMs(Math.max(...measured.firstRender))} ms`;
      lines.push('', `- ${POPUP_POSTS} posts: ${split(scenario)}`, `- empty: ${split(baseline)}`);
    }
    if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
    if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
