/** Images for the tests: small real PNGs (each call a different one unless given a colour) and an upload through the API. */
import { encodePng } from '../../server/png';
import type { TestServer } from './server';

let next = 0;

/** A 2 × 2 PNG of one colour; without one, a colour no earlier call used (so a new image id). */
export function samplePng(
  rgb: [number, number, number] = [next++ % 256, (next >> 8) % 256, 99],
): Uint8Array<ArrayBuffer> {
  const pixels = new Uint8Array(16);
  for (let i = 0; i < 4; i++) pixels.set([...rgb, 255], i * 4);
  return encodePng(2, 2, pixels);
}

/** POST /v1/admin/images with the raw bytes and a declared type (Bearer admin). */
export async function postImage(
  server: TestServer,
  bytes: Uint8Array<ArrayBuffer>,
  type = 'image/png',
): Promise<Response> {
  return server.call('/v1/admin/images', {
    method: 'POST',
    headers: { 'content-type': type },
    body: bytes,
    token: await server.adminToken(),
  });
}

/** Uploads a fresh PNG: its id and URL. */
export async function uploadedImage(server: TestServer): Promise<{ id: string; url: string }> {
  const response = await postImage(server, samplePng());
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string; url: string };
}

/** A width × height PNG of a diagonal gradient between two colours: a stand-in for a page's photo. */
export function gradientPng(
  width: number,
  height: number,
  from: [number, number, number],
  to: [number, number, number],
): Uint8Array<ArrayBuffer> {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const at = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(from[c]! + (to[c]! - from[c]!) * t);
      pixels[at + 3] = 255;
    }
  }
  return encodePng(width, height, pixels);
}
