/**
 * The console's Site integration screen at desktop and phone width, light and dark, against
 * checked-in baselines, with axe: LinkedIn failing since a day (insertions failing on two
 * versions), X healthy, and a selector override set. The clocks and the counts are fixed.
 */
import { randomUUID } from 'node:crypto';
import { zeroCounts, type HealthCounts } from '../../lib/schemas';
import type { TestServer } from '../helpers/server';
import { expect, signInWithPassword, test } from './console-browser';
import { FIXED_NOW, freezeClocks } from './console-seed';
import { expectLooksRight, WIDTHS, type Width } from './visual';

const DAY = 86_400_000;
const day = (back: number) => new Date(FIXED_NOW - back * DAY).toISOString().slice(0, 10);

/** Two browsers' reports: LinkedIn broke two days ago on both versions, X works. */
async function seedHealth(server: TestServer): Promise<void> {
  const token = (await server.enroll('Ada Advocate')).token;
  const entry = (site: string, version: string, back: number, counts: Partial<HealthCounts>) => ({
    site,
    version,
    day: day(back),
    counts: { ...zeroCounts(), ...counts },
  });
  for (const entries of [
    [
      entry('linkedin', '1.4.0', 3, {
        composersSeen: 14,
        insertionsConfirmed: 9,
        publishesConfirmed: 6,
        publishesUnconfirmed: 1,
      }),
      entry('linkedin', '1.4.0', 2, { composersSeen: 6, insertionsFailed: 5, publishesUnconfirmed: 2 }),
      entry('linkedin', '1.4.0', 1, { composersSeen: 4, insertionsFailed: 4 }),
      entry('linkedin', '1.5.0', 0, { composersSeen: 3, insertionsFailed: 3, overridesRefused: 1 }),
      entry('x', '1.4.0', 1, { composersSeen: 21, insertionsConfirmed: 12, publishesConfirmed: 8 }),
    ],
    [entry('x', '1.5.0', 0, { composersSeen: 9, insertionsConfirmed: 5, insertionsFailed: 1, publishesConfirmed: 4 })],
  ]) {
    const response = await server.call('/v1/integration-health', {
      method: 'POST',
      token,
      json: { browser: randomUUID(), entries },
    });
    if (response.status !== 200) throw new Error(`health report: ${response.status} ${await response.text()}`);
  }
  const put = await server.call('/v1/admin/selectors', {
    method: 'PUT',
    token: await server.adminToken(),
    json: { linkedin: { editor: '.share-editor__content[contenteditable="true"]' } },
  });
  if (put.status !== 200) throw new Error(`overrides: ${put.status}`);
}

for (const width of Object.keys(WIDTHS) as Width[]) {
  test(`site integration at ${width} width`, async ({ page, server }) => {
    test.setTimeout(120_000);
    await freezeClocks(server, page);
    await seedHealth(server);
    await page.setViewportSize(WIDTHS[width]);
    await signInWithPassword(page, server);
    await page.goto(`${server.url}/admin#/integration`);
    await expect(page.getByTestId('health-status-linkedin')).toHaveText(
      'LinkedIn: insertions failing, selector overrides refused since Mon 8 Mar',
    );
    await expect(page.getByTestId('health-status-x')).toHaveText('X: healthy');
    await expect(page.getByRole('group', { name: 'LinkedIn' }).getByLabel('editor', { exact: true })).toHaveValue(
      '.share-editor__content[contenteditable="true"]',
    );
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: WIDTHS[width].width, height: Math.max(height, WIDTHS[width].height) });
    await expectLooksRight(page, `integration-${width}`);
  });
}
