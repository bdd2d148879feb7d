/**
 * What the compose and organisation specs share: the console's browser with a server whose public
 * URL is its own address (uploaded images load in the page), a page preview stub whose og:image is
 * an image stored on that server, a fixed clock and zone, and signing in.
 */
import type { Page } from '@playwright/test';
import type { LinkPreviewer } from '../../server/services/link-preview/fetch';
import { gradientPng, postImage } from '../helpers/images';
import { startTestServer, type TestServer } from '../helpers/server';
import { test as base, signInWithPassword } from './console-browser';

export { expect } from './console-browser';

/** A Wednesday afternoon in Paris. */
export const NOW = new Date('2026-12-02T14:30:00Z');
export const ZONE = 'Europe/Paris';

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    // No public URL: image URLs point at the address the server listens on.
    const server = await startTestServer({ publicUrl: '' });
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
});

/** Makes the page behind any URL the robotics article, its og:image a photo stored on `server`; answers that image's URL. */
export async function stubPagePreview(server: TestServer): Promise<string> {
  const response = await postImage(server, gradientPng(600, 315, [15, 60, 90], [240, 170, 90]));
  const { url: imageUrl } = (await response.json()) as { url: string };
  const stub = {
    async preview(url: string) {
      return {
        url,
        title: 'Atlas moves 600 kg loads through busy warehouses',
        description: 'Meet Atlas, the autonomous mobile robot from Northwind.',
        imageUrl,
        siteName: 'Northwind Robotics',
      };
    },
  };
  server.deps.linkPreview = stub as unknown as LinkPreviewer;
  return imageUrl;
}

/** The clock and zone fixed, then the console signed in. */
export async function openConsole(page: Page, server: TestServer): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: ZONE });
  await page.clock.setFixedTime(NOW);
  await signInWithPassword(page, server);
}
