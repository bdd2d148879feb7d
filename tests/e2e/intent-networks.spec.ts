/**
 * Networks shared through their compose intent alone (no content script, no host permission), in
 * real Chromium against the real API: the popup's "Share on …" opens the intent with the
 * advocate's text and personal tracked link, logs the share, the server takes it, and the points
 * the popup shows are the server's (/v1/me), both counted by lib/scoring.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import type { Network } from '../../lib/networks';
import type { MeResponse } from '../../lib/schemas';
import { extensionDir } from './chromium';
import { enroll, expect, postCard, publish, shareFromCard, test } from './fixtures';

/** Each intent-only text network: its button and the intent its share opens (checked in lib/networks.ts). */
const CASES: { network: Network; button: string; host: string; intent: RegExp }[] = [
  {
    network: 'bluesky',
    button: 'Share on Bluesky',
    host: 'bsky.app',
    intent: /^https:\/\/bsky\.app\/intent\/compose\?text=/,
  },
  {
    network: 'threads',
    button: 'Share on Threads',
    host: 'threads.com',
    intent: /^https:\/\/www\.threads\.com\/intent\/post\?text=/,
  },
];

/** The advocate's token, as the extension keeps it (IndexedDB `relay`, meta row `enrollment`). */
function advocateToken(serviceWorker: Worker): Promise<string> {
  return serviceWorker.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('relay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('meta').objectStore('meta').get('enrollment');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => resolve((read.result as { value: { token: string } }).value.token);
        };
      }),
  );
}

for (const { network, button, host, intent } of CASES) {
  test(`"${button}" opens the intent with the advocate's text and link, logs the share and counts its points`, async ({
    context,
    server,
    openPopup,
    serviceWorker,
  }) => {
    // No host permission for the network: the extension never runs in its pages.
    const manifest = JSON.parse(readFileSync(join(extensionDir(), 'manifest.json'), 'utf8')) as {
      host_permissions: string[];
    };
    expect(manifest.host_permissions.filter((pattern) => pattern.includes(host))).toEqual([]);

    const title = `Lisbon office, on ${network}`;
    const post = await publish(server, {
      title,
      url: 'https://example.com/lisbon',
      variants: { linkedin: ['We opened an office in Lisbon.'], [network]: ['Our Lisbon office is open: {link} 🎉'] },
    });
    const popup = await openPopup();
    await enroll(popup, server);
    const card = postCard(popup, title);
    await expect(card).toBeVisible();

    const opened = context.waitForEvent('page');
    await shareFromCard(card, button.replace('Share on ', ''));
    const page = await opened;
    await page.waitForURL(intent);
    const text = new URL(page.url()).searchParams.get('text')!;
    const match = /^Our Lisbon office is open: (http:\/\/relay\.test\/r\/[\w-]+) 🎉$/.exec(text);
    expect(match, text).not.toBeNull();
    await page.close();

    // The personal tracked link leads to the post's URL with this network's UTM tags.
    const tracked = new URL(match![1]!);
    const redirect = await server.call(tracked.pathname, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const target = new URL(redirect.headers.get('location')!);
    expect(target.origin + target.pathname).toBe('https://example.com/lisbon');
    expect(target.searchParams.get('utm_source')).toBe(network);
    expect(target.searchParams.get('utm_medium')).toBe('employee_advocacy');

    // Logged as the intent opened, and sent to the server.
    await expect
      .poll(
        async () =>
          (await server.deps.db.selectFrom('shares').select('network').where('content_id', '=', post.id).execute()).map(
            (row) => row.network,
          ),
        { timeout: 10_000 },
      )
      .toEqual([network]);

    // The popup's points are the server's.
    const response = await server.call('/v1/me', { token: await advocateToken(serviceWorker) });
    expect(response.status).toBe(200);
    const me = (await response.json()) as MeResponse;
    expect(me.shares).toBe(1);
    expect(me.points).toBeGreaterThan(0);
    await expect(popup.getByRole('region', { name: 'Your points' })).toContainText(`${me.points} points`);
  });
}
