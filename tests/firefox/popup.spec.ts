/**
 * The popup in real Firefox (firefox-esr over WebDriver BiDi) against the real API: enrolment with
 * an invite code in the setup tab the add-on opens on install, a post the admin publishes arriving
 * in the open popup, and "Share on X" opening the intent on the X fixture, where publishing records
 * the share on the server. How the popup is reached: see fixtures.ts and firefox.ts.
 */
import { countShares, publish } from '../e2e/fixtures';
import { until, waitFor, waitForText } from './dom';
import { expect, test } from './fixtures';
import { element, enroll, modelOf, postCard, shareFromCard } from './relay';

test('enrols with an invite code, and a post the admin publishes shows in the open popup', async ({
  popup,
  server,
}) => {
  await enroll(popup, server);
  const advocates = await server.deps.db.selectFrom('advocates').select('name').execute();
  expect(advocates.map((a) => a.name)).toEqual(['Ada Advocate']);
  await waitFor(popup, { role: 'region', name: 'Your points' });

  const title = 'Relay goes live in Lisbon';
  await publish(server, {
    title,
    url: 'https://example.com/lisbon',
    variants: { linkedin: ['We are live in Lisbon!'] },
  });
  // The popup is not reopened: the live stream brings the post.
  await waitFor(popup, postCard(title), 5_000);
});

test('"Share on X" opens the intent on the X fixture; publishing there records the share', async ({
  popup,
  server,
  siteTab,
  interception,
}) => {
  const title = 'Our spring release';
  const suggested = 'Spring release is out: faster sync and dark mode.';
  const post = await publish(server, {
    title,
    url: 'https://example.com/spring',
    variants: { linkedin: ['Proud of the spring release.'], x: [suggested] },
  });
  await enroll(popup, server);
  await waitFor(popup, postCard(title));

  await shareFromCard(popup, 'X');
  const intent = await siteTab('https://x.com/');
  const url = new URL(intent.url());
  expect(url.pathname).toBe('/intent/post');
  const text = url.searchParams.get('text') ?? '';
  expect(text).toMatch(
    new RegExp(`^${suggested.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} http://relay\\.test/r/[\\w-]+$`),
  );
  expect(interception.intents.at(-1)).toBe(url.href);

  const editor = await element(intent, '[role="dialog"] [data-testid="tweetTextarea_0"]');
  expect(await modelOf(editor)).toBe(text);
  expect(await countShares(server, post.id), 'nothing counted on the click alone').toBe(0);
  await (await element(intent, '[role="dialog"] button[data-testid="tweetButton"]')).click();
  const toast = await element(intent, '[data-testid="toast"]');
  expect(await toast.evaluate((node) => node.textContent)).toContain('Your post was sent');
  await until(
    () => countShares(server, post.id),
    (n) => n === 1,
    'server shares of the post',
  );
  await waitForText(popup, postCard(title), /Shared on X/);
});
