/**
 * Images: an admin uploads PNG, JPEG, WebP or GIF bytes (raw or multipart; the type is read from the
 * bytes, not the declared one), anyone loads them back with their type, nosniff, a year's immutable
 * cache and a policy that runs nothing; other bytes answer 415, more than 5 MB 413. A logo uploaded
 * here and PUT on the organisation is what sign-in-options shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES } from '../../lib/images';
import { expectProblem } from '../helpers/api';
import { postImage, samplePng } from '../helpers/images';
import { startTestServer, type TestServer } from '../helpers/server';

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
/** The first bytes of each type, then some payload: enough for the sniffer, which reads magic numbers only. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF'), 0, 1, 2, 3]);
const GIF = new Uint8Array([...ascii('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0]);
const WEBP = new Uint8Array([...ascii('RIFF'), 26, 0, 0, 0, ...ascii('WEBPVP8L'), 13, 0, 0, 0, 0x2f]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');

describe('images', () => {
  let server: TestServer;

  beforeAll(async () => {
    // No public URL: the server uses the address it listens on, so the URLs it answers load here.
    server = await startTestServer({ publicUrl: '' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function upload(bytes: Uint8Array<ArrayBuffer>, type: string) {
    const response = await postImage(server, bytes, type);
    expect(response.status, await response.clone().text()).toBe(201);
    const body = (await response.json()) as { id: string; url: string };
    expect(body.url).toBe(`${server.url}/v1/images/${body.id}`);
    expect(response.headers.get('location')).toBe(body.url);
    return body;
  }

  it('stores each image type, read from the bytes whatever the declared type, and serves it publicly', async () => {
    const cases: [Uint8Array<ArrayBuffer>, string, string][] = [
      [samplePng(), 'image/png', 'image/png'],
      [JPEG, 'image/png', 'image/jpeg'],
      [GIF, 'application/octet-stream', 'image/gif'],
      [WEBP, 'text/html', 'image/webp'],
    ];
    for (const [bytes, declared, sniffed] of cases) {
      const { url } = await upload(bytes, declared);
      // No credentials: the extension and any page load it as an <img>.
      const response = await fetch(url);
      expect(response.status, sniffed).toBe(200);
      expect(response.headers.get('content-type')).toBe(sniffed);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    }
  });

  it('serves images with nosniff, a year of immutable cache and a policy that forbids scripts', async () => {
    const { url, id } = await upload(samplePng(), 'image/png');
    const response = await fetch(url);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/sandbox/);
    expect(policy).not.toMatch(/script-src/);
    expect(response.headers.get('etag')).toBe(`"${id}"`);
    const again = await fetch(url, { headers: { 'if-none-match': `"${id}"` } });
    expect(again.status).toBe(304);
  });

  it('gives the same bytes the same id', async () => {
    const bytes = samplePng([1, 2, 3]);
    const first = await upload(bytes, 'image/png');
    const second = await upload(bytes, 'image/png');
    expect(second).toEqual(first);
  });

  it('takes a multipart/form-data upload', async () => {
    const bytes = samplePng();
    const form = new FormData();
    form.set('file', new Blob([bytes], { type: 'image/png' }), 'logo.png');
    const response = await server.call('/v1/admin/images', {
      method: 'POST',
      body: form,
      token: await server.adminToken(),
    });
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    expect(new Uint8Array(await (await fetch(url)).arrayBuffer())).toEqual(bytes);
  });

  it('refuses SVG, HTML, text and empty bodies with 415, whatever their declared type', async () => {
    for (const [bytes, type] of [
      [SVG, 'image/svg+xml'],
      [SVG, 'image/png'],
      [HTML, 'image/gif'],
      [new TextEncoder().encode('just text'), 'image/jpeg'],
      [new Uint8Array(), 'image/png'],
      [JPEG.slice(0, 2), 'image/jpeg'],
    ] as const) {
      const problem = await expectProblem(await postImage(server, bytes, type), 415);
      expect(problem.detail).toMatch(/PNG, JPEG, WebP or GIF/);
    }
    const form = new FormData();
    form.set('file', new Blob([SVG], { type: 'image/png' }), 'logo.png');
    const token = await server.adminToken();
    await expectProblem(await server.call('/v1/admin/images', { method: 'POST', body: form, token }), 415);
  });

  it('refuses more than 5 MB with 413, raw or multipart, and takes exactly 5 MB', async () => {
    const png = samplePng();
    const big = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(png);
      return bytes;
    };
    const tooLarge = await expectProblem(await postImage(server, big(MAX_IMAGE_BYTES + 1)), 413);
    expect(tooLarge.detail).toMatch(/5 MB/);
    const form = new FormData();
    form.set('file', new Blob([big(MAX_IMAGE_BYTES + 1)], { type: 'image/png' }), 'big.png');
    const token = await server.adminToken();
    await expectProblem(await server.call('/v1/admin/images', { method: 'POST', body: form, token }), 413);
    await upload(big(MAX_IMAGE_BYTES), 'image/png');
  });

  it('asks for an admin to upload, and answers 404 for an unknown image', async () => {
    await expectProblem(
      await server.call('/v1/admin/images', {
        method: 'POST',
        body: samplePng(),
        headers: { 'content-type': 'image/png' },
      }),
      401,
    );
    await expectProblem(await fetch(`${server.url}/v1/images/${'0'.repeat(32)}`), 404, 'not-found');
    await expectProblem(await fetch(`${server.url}/v1/images/..%2Fetc`), 404);
  });

  it('shows an uploaded logo in sign-in-options once the organisation is PUT with it', async () => {
    const { url } = await upload(samplePng(), 'image/png');
    const organization = { name: 'Acme Robotics', logoUrl: url };
    const put = await server.call('/v1/admin/organization', {
      method: 'PUT',
      json: organization,
      token: await server.adminToken(),
    });
    expect(put.status).toBe(200);
    const options = (await (await fetch(`${server.url}/v1/sign-in-options`)).json()) as { organization: unknown };
    expect(options.organization).toEqual(organization);
    const logo = await fetch(url);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
  });
});
