/**
 * The dexie suite: applying a 1,000-item sync snapshot into the extension's Dexie database, in real
 * Chromium's IndexedDB (an on-disk profile, not fake-indexeddb). bench/dexie-apply.entry.ts, which
 * imports the real syncOnce and openRelayDb, is bundled with esbuild, served from a loopback HTTP
 * server and timed in the page; the baseline is a bare bulkPut of the same rows. Each timing uses
 * a fresh database; the two alternate in order from round to round.
 *
 * Target: the snapshot's median ≤ 300 ms.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  DEFAULT_GUIDELINES,
  DEFAULT_SCORING,
  syncResponseSchema,
  type AdvocateItem,
  type SyncResponse,
} from '../lib/schemas';
import { launchChromium, median, p95, sampleCount, within, type BenchBrowser } from './browser';
// The page's window.relayDexieBench (a type-only import: nothing of the entry runs in Node).
import type {} from './dexie-apply.entry';
import type { Suite, SuiteOutcome } from './suite';
import { formatMs, formatRatio, renderTable } from './table';

export const SNAPSHOT_ITEMS = 1_000;
export const TARGET_SNAPSHOT_MS = 300;
const DEFAULT_SAMPLES = 20;
const WARMUP_ROUNDS = 3;

const ENTRY = fileURLToPath(new URL('./dexie-apply.entry.ts', import.meta.url));
const log = (message: string) => process.stderr.write(`[bench dexie] ${message}\n`);

const TOPICS = ['product launch', 'hiring', 'engineering blog', 'customer story', 'event recap', 'award'];

/** One advocate's item as GET /v1/sync sends it: live content with this advocate's tracked links. */
function advocateItem(i: number, now: number): AdvocateItem {
  const topic = TOPICS[i % TOPICS.length] ?? 'news';
  const id = `c${i.toString(36).padStart(6, '0')}${'x'.repeat(14)}`;
  const at = new Date(now - i * 3_600_000).toISOString();
  const code = (network: string) => `${network[0]}${i.toString(36).padStart(8, '0')}`;
  return {
    id,
    title: `Post ${i + 1}: our latest ${topic}`,
    url: `https://example.com/news/${i}?ref=bench`,
    note: i % 3 === 0 ? `Share this ${topic} with your network this week.` : null,
    imageUrl: i % 5 === 0 ? `https://cdn.example.com/images/${i}.jpg` : null,
    campaign: i % 4 === 0 ? `Campaign ${i % 12}` : null,
    language: i % 2 === 0 ? 'en' : null,
    tags: ['bench', topic.replace(/\s+/g, '-'), `week-${i % 20}`],
    variants: {
      linkedin: [
        `We just published a new ${topic}. Post ${i + 1} covers what changed and why it matters to our customers.`,
        `Proud of the team behind this ${topic} (post ${i + 1}). Have a look and tell me what you think.`,
      ],
      x: [`New ${topic}, post ${i + 1}: worth a read.`],
    },
    networks: ['linkedin', 'x', 'facebook'],
    publishAt: at,
    expiresAt: i % 10 === 0 ? new Date(now + 30 * 86_400_000).toISOString() : null,
    createdAt: at,
    updatedAt: at,
    links: {
      linkedin: `https://relay.example.com/r/${code('linkedin')}`,
      x: `https://relay.example.com/r/${code('x')}`,
      facebook: `https://relay.example.com/r/${code('facebook')}`,
    },
  };
}

/** A full snapshot (no cursor was sent), checked against the schema the extension validates with. */
export function snapshotPayload(items = SNAPSHOT_ITEMS, now = Date.now()): SyncResponse {
  return syncResponseSchema.parse({
    cursor: `v1.${items}.${now.toString(36)}`,
    content: Array.from({ length: items }, (_, i) => advocateItem(i, now)),
    removed: [],
    guidelines: {
      ...DEFAULT_GUIDELINES,
      bannedTerms: [
        { pattern: 'guaranteed returns', reason: 'financial promotion rules' },
        { pattern: '\\bcheap\\b', regex: true, reason: 'off-brand' },
      ],
      maxHashtags: 3,
    },
    scoring: DEFAULT_SCORING,
  });
}

async function bundleEntry(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome116',
    minify: true,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

/** Serves the page and the bundle on a loopback port. */
async function serve(bundle: string): Promise<{ url: string; close(): Promise<void> }> {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Relay dexie bench</title>' +
    '<script type="module" src="/dexie-apply.js"></script></head><body></body></html>';
  const server: Server = createServer((request, response) => {
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (request.url === '/dexie-apply.js')
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Measured {
  snapshot: number[];
  bare: number[];
  validate: number[];
}

export const dexieSuite: Suite = {
  name: 'dexie',
  summary: `Applying a ${SNAPSHOT_ITEMS.toLocaleString('en-US')}-item snapshot into Dexie (real Chromium IndexedDB), against a bare bulkPut`,
  async run() {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    const samples = sampleCount(DEFAULT_SAMPLES);
    const measured: Measured = { snapshot: [], bare: [], validate: [] };
    let http: Awaited<ReturnType<typeof serve>> | undefined;
    let browser: BenchBrowser | undefined;
    let payloadBytes = 0;
    try {
      log('bundling bench/dexie-apply.entry.ts with esbuild');
      const bundle = await bundleEntry();
      const payload = snapshotPayload();
      payloadBytes = Buffer.byteLength(JSON.stringify(payload));
      http = await serve(bundle);
      browser = await launchChromium({ label: 'dexie' });
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => log(`page error: ${error.message}`));
      await page.goto(http.url);
      await page.waitForFunction(() => window.relayDexieBench !== undefined, undefined, { timeout: 15_000 });
      await page.evaluate((body) => window.relayDexieBench?.setPayload(body), payload);

      // These run in the page: nothing from here but the argument crosses over.
      const snapshot = (round: string) =>
        within(
          60_000,
          'syncOnce',
          page.evaluate((name) => {
            if (!window.relayDexieBench) throw new Error('the bench page did not load');
            return window.relayDexieBench.snapshot(name);
          }, `relay-bench-snapshot-${round}`),
        );
      const bare = (round: string) =>
        within(
          60_000,
          'bulkPut',
          page.evaluate((name) => {
            if (!window.relayDexieBench) throw new Error('the bench page did not load');
            return window.relayDexieBench.bare(name);
          }, `relay-bench-bare-${round}`),
        );
      const validate = () =>
        within(
          60_000,
          'validation',
          page.evaluate(() => {
            if (!window.relayDexieBench) throw new Error('the bench page did not load');
            return window.relayDexieBench.validate();
          }),
        );

      log(`warming up (${WARMUP_ROUNDS} rounds), then ${samples} alternating rounds`);
      for (let round = 0; round < WARMUP_ROUNDS; round++) {
        await snapshot(`warmup-${round}`);
        await bare(`warmup-${round}`);
        await validate();
      }
      for (let round = 0; round < samples; round++) {
        if (round % 2 === 0) {
          measured.bare.push(await bare(String(round)));
          measured.snapshot.push(await snapshot(String(round)));
        } else {
          measured.snapshot.push(await snapshot(String(round)));
          measured.bare.push(await bare(String(round)));
        }
        measured.validate.push(await validate());
      }
    } catch (error) {
      const message = (error as Error).message;
      outcome.errors.push(message);
      log(`FAILED: ${message}`);
    } finally {
      await browser
        ?.close()
        .catch((error: unknown) => outcome.errors.push(`closing Chromium: ${(error as Error).message}`));
      await http?.close();
    }

    const complete = measured.snapshot.length === samples && measured.bare.length === samples;
    const snapshotMedian = median(measured.snapshot);
    const bareMedian = median(measured.bare);
    let verdict = 'ERROR';
    if (complete) {
      verdict = snapshotMedian <= TARGET_SNAPSHOT_MS ? 'ok' : 'MISSED';
      if (verdict === 'MISSED')
        outcome.missed.push(
          `dexie: applying the ${SNAPSHOT_ITEMS}-item snapshot took ${formatMs(snapshotMedian)} ms (median), target ≤ ${TARGET_SNAPSHOT_MS} ms`,
        );
    }
    const cell = (value: number) => (complete ? formatMs(value) : '—');
    const lines = [
      '',
      `## Applying a ${SNAPSHOT_ITEMS.toLocaleString('en-US')}-item snapshot into Dexie (${samples} alternating rounds after ${WARMUP_ROUNDS} warm-up rounds; headless Chromium, on-disk IndexedDB)`,
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
            `syncOnce, ${SNAPSHOT_ITEMS.toLocaleString('en-US')}-item snapshot`,
            cell(snapshotMedian),
            cell(p95(measured.snapshot)),
            cell(bareMedian),
            complete ? formatRatio(snapshotMedian / bareMedian) : '—',
            `≤ ${TARGET_SNAPSHOT_MS} ms`,
            verdict,
          ],
          ['bare bulkPut (baseline)', cell(bareMedian), cell(p95(measured.bare)), '—', '—', '—', '—'],
        ],
      ),
      '',
      'syncOnce = the extension’s entrypoints/background/sync.ts on a fresh openRelayDb database, fed a 200 answer ' +
        `(${(payloadBytes / 1024).toFixed(0)} KiB as JSON) by a stub client: zod validation, then one transaction that ` +
        'clears, bulkPuts and writes the metadata. ratio = median ÷ baseline median.',
    ];
    if (complete && measured.validate.length > 0)
      lines.push(
        '',
        `- of which zod validation alone (syncResponseSchema.safeParse, no database): median ${formatMs(median(measured.validate))} ms, ` +
          `p95 ${formatMs(p95(measured.validate))} ms`,
      );
    if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
    if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
