/**
 * Compose's images and the organisation's identity, in the console: an image uploaded in compose
 * (or the page's own og:image) is what the preview shows and what the post stores; a file that is
 * not an image is named and not sent; the organisation's name and uploaded logo show in the setup
 * screen's preview and in sign-in-options once saved.
 */
import { gradientPng } from '../helpers/images';
import { expect, openConsole, stubPagePreview, test } from './console-compose-setup';
import { navLink } from './console-browser';

const PHOTO = {
  name: 'atlas.png',
  mimeType: 'image/png',
  buffer: Buffer.from(gradientPng(320, 180, [20, 90, 60], [250, 230, 120])),
};

test('an image uploaded in compose, or the page’s own, is what the preview shows and the post stores', async ({
  page,
  server,
}) => {
  const pageImage = await stubPagePreview(server);
  await openConsole(page, server);
  await navLink(page, 'New post').click();
  await expect(page.getByRole('heading', { level: 1, name: 'New post' })).toBeVisible();

  await page.getByLabel('URL', { exact: true }).fill('https://northwind.example/news/atlas');
  await page.getByLabel('Title').focus();
  await expect(page.getByText('Page found: Northwind Robotics')).toBeVisible();
  await page.getByLabel('LinkedIn variant 1', { exact: true }).fill('Meet Atlas! {link} #NorthwindEmployee');
  await page.getByLabel('X', { exact: true }).uncheck();
  const preview = page.getByRole('figure', { name: 'LinkedIn preview, variant 1' });
  // Without an image of its own, the card shows the page's.
  await expect(preview.locator('img')).toHaveAttribute('src', pageImage);

  // "Use the page's image" makes it the post's own.
  const images = page.getByRole('region', { name: 'Image' });
  await images.getByRole('button', { name: 'Use the page’s image' }).click();
  await expect(images.getByRole('img', { name: 'Current the post’s image' })).toHaveAttribute('src', pageImage);
  await expect(images.getByRole('button', { name: 'Use the page’s image' })).toHaveCount(0);

  // A file that is not an image is named, and nothing is sent.
  const chooser = page.getByLabel('Choose an image…');
  let uploads = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/admin/images')) uploads++;
  });
  await chooser.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg/>') });
  await expect(images.getByRole('alert')).toHaveText('logo.svg is not a PNG, JPEG, WebP or GIF image.');
  expect(uploads).toBe(0);

  // An upload replaces it, in the form and in the preview; the image loads from the server.
  await chooser.setInputFiles(PHOTO);
  const uploaded = images.getByRole('img', { name: 'Current the post’s image' });
  // The page's image is stored on the server too: wait for the upload's own address, not any image's.
  await expect(uploaded).not.toHaveAttribute('src', pageImage);
  await expect(uploaded).toHaveAttribute('src', new RegExp(`^${server.url}/v1/images/[0-9a-f]{32}$`));
  const src = (await uploaded.getAttribute('src'))!;
  await expect(preview.locator('img')).toHaveAttribute('src', src);
  await expect.poll(() => preview.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  expect(uploads).toBe(1);

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/content/', ''));
  const stored = (await (
    await server.call(`/v1/admin/content/${id}`, { token: await server.adminToken() })
  ).json()) as {
    imageUrl: string;
  };
  expect(stored.imageUrl).toBe(src);
  // The editor, reopened, shows the stored image.
  await page.reload();
  await expect(page.getByRole('img', { name: 'Current the post’s image' })).toHaveAttribute('src', src);
});

test('the organisation’s name and uploaded logo show in the setup preview and in sign-in-options', async ({
  page,
  server,
}) => {
  await openConsole(page, server);
  await navLink(page, 'Organisation').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
  const setup = page.getByRole('figure', { name: 'The extension’s setup screen' });
  // No name yet: the preview uses the server's address and initials.
  await expect(setup).toContainText(`Connect to ${new URL(server.url).host}`);

  await page.getByLabel('Name', { exact: true }).fill('Acme Robotics');
  await expect(setup).toContainText('Connect to Acme Robotics');
  await expect(setup.locator('.setup-preview__logo--initials')).toHaveText('AR');

  await page.getByLabel('Choose an image…').setInputFiles({ ...PHOTO, name: 'acme.png' });
  const logo = page.getByRole('img', { name: 'Current the logo' });
  await expect(logo).toHaveAttribute('src', new RegExp(`^${server.url}/v1/images/`));
  const logoUrl = (await logo.getAttribute('src'))!;
  await expect(setup.locator('img')).toHaveAttribute('src', logoUrl);

  await page.getByRole('button', { name: 'Save organisation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const options = (await (await server.call('/v1/sign-in-options')).json()) as { organization: unknown };
  expect(options.organization).toEqual({ name: 'Acme Robotics', logoUrl });

  // Removing the logo goes back to the initials.
  await page.getByRole('button', { name: 'Remove the logo' }).click();
  await expect(setup.locator('.setup-preview__logo--initials')).toHaveText('AR');
  await page.getByRole('button', { name: 'Save organisation' }).click();
  await expect
    .poll(
      async () => ((await (await server.call('/v1/sign-in-options')).json()) as { organization: unknown }).organization,
    )
    .toEqual({ name: 'Acme Robotics', logoUrl: null });
});
