/** SCRATCH (composer helper): main-thread time of the content scripts on the 1,000-post feeds. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startTestServer } from '../tests/helpers/server';
import { fulfillSite } from '../tests/e2e/sites';
import { CHROMIUM_FLAGS } from '../tests/e2e/chromium';

const ext = process.env.EXT!;
const server = await startTestServer();
for (const title of ['One', 'Two', 'Three'])
  await server.call('/v1/admin/content', {
    method: 'POST',
    token: await server.adminToken(),
    json: { title, url: 'https://example.com/' + title, variants: { linkedin: [title + ' {link}'], x: [title] }, publish: true },
  });
const invite = await server.call('/v1/admin/invites', { method: 'POST', json: {}, token: await server.adminToken() });
const { code } = (await invite.json()) as { code: string };

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'relay-bench-dev-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...CHROMIUM_FLAGS],
});
const sites = { linkedin: 'linkedin-feed-1000.html', x: 'x-feed-1000.html' } as const;
await context.route('**/*', async (route) => {
  const url = new URL(route.request().url());
  if (!url.protocol.startsWith('http') || url.hostname === '127.0.0.1') return route.continue();
  if (await fulfillSite(route, sites)) return;
  return route.abort();
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
const popup = await context.newPage();
await popup.goto(`chrome-extension://${id}/popup.html`);
await popup.getByLabel('Server URL').fill(server.url);
await popup.getByLabel('Invite code').fill(code);
await popup.getByLabel('Your name').fill('Bench');
await popup.getByRole('button', { name: 'Connect' }).click();
await popup.getByRole('button', { name: 'Sync now' }).waitFor();

async function profile(page: Page, action: () => Promise<void>, label: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A sample counts for us when any frame on its stack is our content script.
  const ours = (nodeId: number) => {
    for (let at: number | undefined = nodeId; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.url.includes('content-scripts/')) return true;
    return false;
  };
  let us = 0;
  let total = 0;
  profile.samples.forEach((s, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const name = byId.get(s)!.callFrame.functionName;
    if (name !== '(idle)' && name !== '(program)') total += dt;
    if (ours(s)) us += dt;
  });
  console.log(`${label}: content script ${us.toFixed(2)} ms (all JS ${total.toFixed(1)} ms)`);
  await cdp.detach();
}

for (const [name, url] of [
  ['LinkedIn', 'https://www.linkedin.com/feed/'],
  ['X', 'https://x.com/home'],
] as const) {
  for (let round = 0; round < 3; round++) {
    const page = await context.newPage();
    await profile(page, async () => {
      await page.goto(url);
      await page.waitForTimeout(1500);
    }, `${name} load`);
    await profile(page, async () => {
      for (let i = 0; i < 5; i++) {
        await page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(100));
        await page.waitForTimeout(300);
      }
    }, `${name} 5×100 appended`);
    console.log(`  buttons: ${await page.getByRole('button', { name: 'Suggested posts' }).count()}`);
    await page.close();
  }
}
await context.close();
await server.stop();
