/** Image types are read from the first bytes: each type's magic number, and what is not one. */
import { describe, expect, it } from 'vitest';
import { sniffImageType } from './images';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('sniffImageType', () => {
  it('knows PNG, JPEG, GIF (87a and 89a) and WebP by their magic numbers', () => {
    expect(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffImageType(bytes('GIF87a', [1]))).toBe('image/gif');
    expect(sniffImageType(bytes('GIF89a', [1]))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses SVG, HTML, other RIFF files, truncated signatures and nothing', () => {
    for (const sample of [
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes('<!doctype html>'),
      bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '),
      bytes([0x89], 'PNG'),
      bytes([0xff, 0xd8]),
      bytes('GIF8'),
      new Uint8Array(),
    ]) {
      expect(sniffImageType(sample)).toBeNull();
    }
  });
});
