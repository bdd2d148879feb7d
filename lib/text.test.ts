import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UNCHECKED, inputSamples, isMultiline } from '../tests/helpers/input-samples';
import {
  CONTROL_SAMPLES,
  LINE_BREAKS,
  readPath,
  sampleStringPaths,
  tainted,
  uncoveredPaths,
  withField,
} from '../tests/helpers/schema-strings';
import { cleanDisplayName, displayNameSchema, hasControlCharacters, stripInvisible } from './text';

const INVISIBLE = [
  ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e'], // bidi embeddings and overrides
  ...['\u2066', '\u2067', '\u2068', '\u2069'], // bidi isolates
  ...['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'], // zero-width characters, BOM
  ...['\u200e', '\u200f', '\u061c', '\u00ad', '\u3164', '\ufe0f', '\u{e0041}'], // marks, soft hyphen, filler, selectors, tags
];

describe('control characters', () => {
  it('finds every C0 and C1 control and DEL; tab and line feed only outside multi-line text', () => {
    for (let code = 0; code <= 0x9f; code++) {
      const control = code < 0x20 || code >= 0x7f;
      const text = `a${String.fromCharCode(code)}b`;
      expect(hasControlCharacters(text), code.toString(16)).toBe(control);
      expect(hasControlCharacters(text, { multiline: true }), code.toString(16)).toBe(
        control && code !== 0x09 && code !== 0x0a,
      );
    }
    expect(hasControlCharacters('Ünïcödé – “quotes” 👩‍💻 \u00a0')).toBe(false);
  });
});

describe('names and teams', () => {
  it('strips bidi controls, zero-width and other invisible characters, then trims', () => {
    for (const char of INVISIBLE) {
      expect(stripInvisible(`An${char}n`), char.codePointAt(0)!.toString(16)).toBe('Ann');
      expect(displayNameSchema().parse(` ${char}Ann${char} `)).toBe('Ann');
    }
    // What a right-to-left override does: "\u202Enna" shows as "ann"; stripped, it reads as it is.
    expect(displayNameSchema().parse('\u202Enna')).toBe('nna');
    expect(displayNameSchema().parse('Zoë Ødegård-李')).toBe('Zoë Ødegård-李');
  });

  it('refuses a name made only of invisible characters (it is empty once stripped) and control characters', () => {
    const name = displayNameSchema().min(1, 'a name is required');
    expect(name.safeParse(INVISIBLE.join('')).success).toBe(false);
    expect(name.safeParse('\u200b \u202e\u2066 \ufeff').error?.issues[0]?.message).toBe('a name is required');
    for (const control of [...CONTROL_SAMPLES, ...LINE_BREAKS])
      expect(name.safeParse(`A${control}n`).success).toBe(false);
  });

  it('cleans stored names: control and invisible characters removed', () => {
    expect(cleanDisplayName('\u202eAnn\u0000\u200b ')).toBe('Ann');
    expect(cleanDisplayName('\u200b\u0007')).toBe('');
  });
});

describe('every string field the API takes refuses control characters', () => {
  const samples = inputSamples({ contentId: 'c1', inviteCode: 'ABCD-EFGH', shareId: randomUUID(), now: Date.now() });

  it.each(samples.map((sample) => [sample.name, sample] as const))('%s', (name, { schema, sample }) => {
    expect(schema.safeParse(sample).error?.issues ?? []).toEqual([]);
    // The sample holds every string field the schema declares, so a new field is tested too.
    expect(uncoveredPaths(schema, sample)).toEqual([]);
    let checked = 0;
    for (const path of sampleStringPaths(schema, sample)) {
      const key = path.join('.');
      if (UNCHECKED[`${name}.${key}`]) continue;
      const original = readPath(sample, path) as string;
      for (const control of CONTROL_SAMPLES) {
        for (const value of tainted(original, control)) {
          const result = schema.safeParse(withField(sample, path, value));
          expect(result.success, `${key} with U+${control.charCodeAt(0).toString(16)}`).toBe(false);
          expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(key);
        }
      }
      for (const control of LINE_BREAKS) {
        const value = `${original.slice(0, 1)}${control}${original.slice(1)}`;
        const result = schema.safeParse(withField(sample, path, value));
        if (isMultiline(key)) expect(result.success, key).toBe(true);
        else expect(result.error?.issues.map((issue) => issue.path.join('.')) ?? [], key).toContain(key);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
