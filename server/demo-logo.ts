/**
 * The demo organisation's logo: a navy square with a white "N" and an amber bar, drawn here as a PNG
 * (an SVG could carry script, so the images service takes none), stored through the images service,
 * and set as the organisation's logo the first time the demo has none.
 */
import type { Deps } from './context';
import { encodePng } from './png';
import { readDocuments, writeDocument } from './services/documents';
import { hasImage, imageIdOf, imageUrl, storeImage } from './services/images';

const SIZE = 96;
const NAVY = [0x1d, 0x35, 0x57];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xf4, 0xa2, 0x61];

/** Inside a square with rounded corners, in units of the logo's side. */
function inSquare(x: number, y: number): boolean {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** The "N": two bars and the diagonal between them. */
function inLetter(x: number, y: number): boolean {
  if (y < 0.22 || y > 0.7) return false;
  const t = (y - 0.22) / 0.48;
  const left = 0.26 + 0.36 * t;
  return (x >= 0.26 && x <= 0.38) || (x >= 0.62 && x <= 0.74) || (x >= left && x <= left + 0.13);
}

const inBar = (x: number, y: number) => x >= 0.26 && x <= 0.74 && y >= 0.77 && y <= 0.82;

/** The logo as PNG bytes, each pixel sampled 4 × 4 times for smooth edges. */
export function drawDemoLogo(): Uint8Array<ArrayBuffer> {
  const pixels = new Uint8Array(SIZE * SIZE * 4);
  const samples = 4;
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / SIZE;
          const y = (py + (sy + 0.5) / samples) / SIZE;
          if (!inSquare(x, y)) continue;
          const colour = inLetter(x, y) ? WHITE : inBar(x, y) ? AMBER : NAVY;
          covered++;
          for (let c = 0; c < 3; c++) sum[c]! += colour[c]!;
        }
      }
      const at = (py * SIZE + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = covered ? Math.round(sum[c]! / covered) : 0;
      pixels[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return encodePng(SIZE, SIZE, pixels);
}

/**
 * Stores the logo and sets it on the organisation, once: when its image was never stored and the
 * organisation is still the demo's, without a logo. Answers whether it did. Needs the public URL
 * (absent only before a server on an OS-chosen port listens).
 */
export async function seedDemoLogo(deps: Deps, company: string, now: number): Promise<boolean> {
  const publicUrl = deps.config.publicUrl;
  const logo = drawDemoLogo();
  if (!publicUrl || (await hasImage(deps.db, imageIdOf(logo)))) return false;
  const { organization } = await readDocuments(deps.db);
  if (organization.name !== company || organization.logoUrl !== null) return false;
  const stored = await storeImage(deps.db, logo, { now });
  if (!stored) return false;
  const body = { ...organization, logoUrl: imageUrl(publicUrl, stored.id) };
  deps.changes.changed(await writeDocument(deps.db, 'organization', body, now));
  return true;
}
