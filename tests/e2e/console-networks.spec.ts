/**
 * The console's network lists come from the registry (lib/networks.ts): a variant editor, preview
 * and length counter per text network, a switch per network on a post, points per network in
 * scoring, a disclosure checkbox per network in the guidelines. A network added to the registry
 * shows in each with no console change.
 */
import { NETWORKS, TEXT_NETWORKS, network } from '../../lib/networks';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/server';
import { expect, test } from './fixtures';

test('every console list of networks follows the registry', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  await nav('New post').click();
  await expect(page.getByRole('heading', { level: 1, name: 'New post' })).toBeVisible();
  const switches = page.getByRole('group', { name: 'Networks' }).getByRole('checkbox');
  await expect(switches).toHaveCount(NETWORKS.length);
  // A new post starts on the networks the registry switches on for new posts; the others are a click away.
  for (const id of NETWORKS) {
    const box = page.getByLabel(network(id).label, { exact: true });
    if (network(id).onForNewPosts) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }
  for (const id of NETWORKS) await page.getByLabel(network(id).label, { exact: true }).check();
  // A tab per text network, each holding its variants.
  await expect(page.getByRole('tablist', { name: 'Text for each network' }).getByRole('tab')).toHaveCount(
    TEXT_NETWORKS.length,
  );
  for (const id of TEXT_NETWORKS) {
    const { label, length } = network(id);
    await page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
    await page.getByLabel(`${label} variant 1`, { exact: true }).fill(`Launch day on ${label} {link}`);
    await expect(page.getByRole('figure', { name: `${label} preview, variant 1` })).toContainText(
      `Launch day on ${label}`,
    );
    await expect(page.locator(`#compose-variants-${id}-0-counter`)).toContainText(
      ` / ${length.max.toLocaleString('en-US')}`,
    );
    await expect(page.getByRole('button', { name: `Add ${label} variant` })).toBeVisible();
  }

  await nav('Scoring').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scoring' })).toBeVisible();
  for (const id of NETWORKS) {
    await expect(page.getByLabel(`Points per ${network(id).label} share`)).toHaveValue(
      String(network(id).defaultPoints),
    );
  }

  await nav('Guidelines').click();
  await page.getByLabel('Require a disclosure in every post').check();
  const requiredOn = page.getByRole('group', { name: 'Required on' }).getByRole('checkbox');
  await expect(requiredOn).toHaveCount(NETWORKS.length);
  for (const id of NETWORKS) {
    const box = page.getByRole('group', { name: 'Required on' }).getByLabel(network(id).label, { exact: true });
    if (TEXT_NETWORKS.includes(id as never)) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }
});
