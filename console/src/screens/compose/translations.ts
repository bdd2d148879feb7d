/** A post's translations in the compose draft: made from a post, turned into ContentInput's `translations`, edited per language. */
import { disclosureAppend, type Hint } from '../../../../lib/guidelines';
import { perTextNetwork, TEXT_NETWORKS, type TextNetwork } from '../../../../lib/networks';
import type { ContentInput, ContentItem } from '../../../../lib/schemas';
import { fieldId, removeAt, replaceAt, type Errors, type useSchemaForm } from '../../forms';
import { variantsOf } from '../../networks';
import { FORM, MAX_VARIANTS, variant, type Draft, type VariantDraft } from './draft';

/** One language beside the post's own: an optional title and variants per text network. */
export interface TranslationDraft {
  language: string;
  title: string;
  variants: Record<TextNetwork, VariantDraft[]>;
}

export function emptyTranslation(language: string): TranslationDraft {
  return { language, title: '', variants: perTextNetwork(() => [variant()]) };
}

/** A stored post's translations as drafts, in the order the server gave them. */
export function translationsFrom(item: Pick<ContentItem, 'translations'>): TranslationDraft[] {
  return Object.entries(item.translations ?? {}).map(([language, translation]) => ({
    language,
    title: translation.title ?? '',
    variants: perTextNetwork((id) => {
      const texts = variantsOf(translation.variants, id);
      return texts.length ? texts.map((text) => variant(text)) : [variant()];
    }),
  }));
}

/**
 * The drafts as ContentInput's `translations`, or undefined when there are none (so posts without
 * translations send nothing). Only written variants go: a language lacking a network's text falls
 * back to the default language's for it.
 */
export function translationsCandidate(translations: TranslationDraft[]): Record<string, unknown> | undefined {
  if (translations.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const translation of translations) {
    const variants: Record<string, string[]> = {};
    for (const id of TEXT_NETWORKS) {
      const kept = translation.variants[id].map((entry) => entry.text).filter((text) => text.trim() !== '');
      if (kept.length) variants[id] = kept;
    }
    out[translation.language] = { ...(translation.title.trim() ? { title: translation.title } : {}), variants };
  }
  return out;
}

/** The errors of one translation, with paths as the default language's editors name them ("variants.x.0"). */
export function translationErrors(errors: Errors, language: string): Errors {
  const prefix = `translations.${language}.`;
  const out: Errors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(prefix)) out[path.slice(prefix.length)] = message;
    else if (!path.startsWith('variants')) out[path] = message;
  }
  return out;
}

/** Languages with an error, for the tabs. */
export function invalidLanguages(errors: Errors): Set<string> {
  const out = new Set<string>();
  for (const path of Object.keys(errors)) {
    const [first, second] = path.split('.');
    if (first === 'translations' && second) out.add(second);
    else if (first === 'variants') out.add('');
  }
  return out;
}

type Form = ReturnType<typeof useSchemaForm<Draft, ContentInput>>;

/** The edits of one translation's variants and title, and adding or removing a language. */
export function translationActions(form: Form, draft: Draft, language: string) {
  const at = draft.translations.findIndex((entry) => entry.language === language);
  const list = (id: TextNetwork) => draft.translations[at]?.variants[id] ?? [];
  const prefix = `translations.${language}`;
  function change(path: string, edit: (translation: TranslationDraft) => TranslationDraft) {
    form.update(path, (current) => ({
      ...current,
      translations: current.translations.map((entry) => (entry.language === language ? edit(entry) : entry)),
    }));
  }
  function setVariants(id: TextNetwork, path: string, edit: (variants: VariantDraft[]) => VariantDraft[]) {
    change(path, (entry) => ({ ...entry, variants: { ...entry.variants, [id]: edit(entry.variants[id]) } }));
  }
  function setVariant(id: TextNetwork, index: number, text: string) {
    setVariants(id, `${prefix}.variants.${id}.${index}`, (variants) =>
      replaceAt(variants, index, (entry) => ({ ...entry, text })),
    );
  }
  return {
    setVariant,
    setTitle: (title: string) => change(`${prefix}.title`, (entry) => ({ ...entry, title })),
    addVariant(id: TextNetwork): number | null {
      const index = list(id).length;
      if (index >= MAX_VARIANTS) return null;
      setVariants(id, `${prefix}.variants.${id}`, (variants) => [...variants, variant()]);
      form.focusLater(fieldId(FORM, `variants.${id}.${index}`));
      return index;
    },
    removeVariant(id: TextNetwork, index: number) {
      setVariants(id, `${prefix}.variants.${id}`, (variants) => removeAt(variants, index));
      form.focusLater(fieldId(FORM, `variants.${id}.${Math.max(0, index - 1)}`));
    },
    applyDisclosure(id: TextNetwork, index: number, hint: Hint) {
      const text = list(id)[index]?.text ?? '';
      const disclosure = hint.fix?.append.trim();
      if (!disclosure) return;
      setVariant(id, index, text + disclosureAppend(text, disclosure, id));
      form.focusLater(fieldId(FORM, `variants.${id}.${index}`));
    },
  };
}

/** Adds a language (the post's own becomes English when it had none, as a post with translations states it); removes one, answering it for an undo. */
export function languageEdits(form: Form) {
  return {
    add(language: string, restore?: TranslationDraft) {
      form.update('translations', (current) => ({
        ...current,
        language: current.language.trim() || 'en',
        translations: [...current.translations, restore ?? emptyTranslation(language)],
      }));
    },
    remove(language: string) {
      form.update('translations', (current) => ({
        ...current,
        translations: current.translations.filter((entry) => entry.language !== language),
      }));
    },
  };
}
