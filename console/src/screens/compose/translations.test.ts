/** Compose's draft ↔ ContentInput with translations: loaded from a post, sent back as they were, none sent when there are none. */
import { describe, expect, it } from 'vitest';
import { contentInputSchema, type ContentItem } from '../../../../lib/schemas';
import { candidate, draftFrom, emptyDraft, labelFor } from './draft';
import { emptyTranslation, invalidLanguages, translationErrors, translationsCandidate } from './translations';

const item: ContentItem = {
  id: 'c1',
  title: 'Meet Atlas',
  url: 'https://northwind.example/atlas',
  note: null,
  imageUrl: null,
  campaign: null,
  language: 'en',
  tags: [],
  variants: { linkedin: ['Meet Atlas {link}', 'Atlas is here {link}'] },
  networks: ['linkedin'],
  publishAt: null,
  expiresAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  translations: {
    de: { title: 'Das ist Atlas', variants: { linkedin: ['Das ist Atlas {link}'] } },
    fr: { variants: { linkedin: ['Voici Atlas {link}'], x: ['Atlas {link}'] } },
  },
  status: 'draft',
  override: null,
  review: null,
  audiences: [],
};

describe('compose translations', () => {
  it('sends no translations for a post without them, so existing flows are unchanged', () => {
    const draft = { ...emptyDraft(), title: 'T', url: 'https://example.com/', variants: emptyDraft().variants };
    expect(draft.translations).toEqual([]);
    expect('translations' in candidate(draft)).toBe(false);
    expect(translationsCandidate([])).toBeUndefined();
  });

  it('loads a post’s translations and sends them back as they were', () => {
    const draft = draftFrom(item);
    expect(draft.language).toBe('en');
    expect(draft.translations.map((entry) => entry.language)).toEqual(['de', 'fr']);
    expect(draft.translations[0]!.title).toBe('Das ist Atlas');
    expect(draft.translations[0]!.variants.linkedin.map((entry) => entry.text)).toEqual(['Das ist Atlas {link}']);
    // A network without text in a language starts with one empty variant, which is not sent.
    expect(draft.translations[0]!.variants.x.map((entry) => entry.text)).toEqual(['']);
    const input = candidate(draft);
    expect(input.language).toBe('en');
    expect(input.translations).toEqual(item.translations);
    const parsed = contentInputSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.translations?.de?.variants.linkedin).toEqual(['Das ist Atlas {link}']);
  });

  it('leaves out a blank title and empty variants; a language with no text at all is an error on its variants', () => {
    const base = draftFrom({ ...item, translations: {} });
    const german = emptyTranslation('de');
    german.title = '   ';
    german.variants.linkedin[0]!.text = 'Hallo {link}';
    expect(candidate({ ...base, translations: [german] }).translations).toEqual({
      de: { variants: { linkedin: ['Hallo {link}'] } },
    });
    const empty = contentInputSchema.safeParse(candidate({ ...base, translations: [emptyTranslation('de')] }));
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((issue) => issue.path.join('.'))).toContain('translations.de.variants');
  });

  it('needs the post’s own language once it has a translation', () => {
    const german = emptyTranslation('de');
    german.variants.linkedin[0]!.text = 'Hallo {link}';
    const result = contentInputSchema.safeParse(
      candidate({ ...draftFrom({ ...item, translations: {} }), language: '', translations: [german] }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('language');
  });

  it('shows a translation’s errors on its editors and marks its tab', () => {
    const errors = {
      'translations.de.variants.linkedin.0': 'too long',
      'variants.linkedin.0': 'empty',
      title: 'required',
    };
    expect(translationErrors(errors, 'de')).toEqual({ 'variants.linkedin.0': 'too long', title: 'required' });
    expect([...invalidLanguages(errors)].sort()).toEqual(['', 'de']);
    expect(labelFor('translations.de.variants.linkedin.0')).toBe('Deutsch: LinkedIn variant 1');
    expect(labelFor('translations.de.title')).toBe('Deutsch: Title');
  });
});
