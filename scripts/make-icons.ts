/**
 * Draws Relay's toolbar icons (a teal rounded square, lib/brand.ts's BRAND_COLOR, with a white forward arrow, the same mark as
 * components/Logo.tsx) into public/icon/{16,32,48,128}.png. Pure Node: shapes are tested per
 * sub-pixel for anti-aliasing and written with a tiny PNG encoder (zlib + CRC32).
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BRAND = [0x0f, 0x76, 0x6e] as const;
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels (row-major, 4 bytes each) to a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Inside a rounded square covering the unit square, corner radius r. */
function inRoundedSquare(x: number, y: number, r: number): boolean {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** The arrow of Logo.tsx's 32-unit viewBox, scaled to the unit square. */
function inArrow(x: number, y: number): boolean {
  const u = x * 32;
  const v = y * 32;
  const shaft = u >= 7 && u <= 17.2 && v >= 13.6 && v <= 18.4;
  // Head: the triangle (17.2, 8.5) – (26, 16) – (17.2, 23.5).
  const half = 7.5 * (1 - (u - 17.2) / 8.8);
  const head = u >= 17.2 && u <= 26 && Math.abs(v - 16) <= half;
  return shaft || head;
}

function drawIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inRoundedSquare(x, y, 7 / 32)) continue;
          cover++;
          if (inArrow(x, y)) white++;
        }
      }
      const i = (py * size + px) * 4;
      const mix = cover ? white / cover : 0;
      rgba[i] = Math.round(BRAND[0] + (255 - BRAND[0]) * mix);
      rgba[i + 1] = Math.round(BRAND[1] + (255 - BRAND[1]) * mix);
      rgba[i + 2] = Math.round(BRAND[2] + (255 - BRAND[2]) * mix);
      rgba[i + 3] = Math.round((255 * cover) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `${size}.png`);
  writeFileSync(file, encodePng(size, size, drawIcon(size)));
  console.log(`wrote ${file}`);
}
