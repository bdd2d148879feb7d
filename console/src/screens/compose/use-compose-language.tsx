/** Compose's language tabs: which language is shown, its variants, errors, edits and guidelines (resolved for that language). */
import { useMemo, useState } from 'preact/hooks';
import { compileGuidelines } from '../../../../lib/guidelines';
import { guidelinesFor } from '../../../../lib/guidelines/for-language';
import { TEXT_NETWORKS, type TextNetwork } from '../../../../lib/networks';
import { DEFAULT_GUIDELINES, type ContentInput, type Guidelines } from '../../../../lib/schemas';
import type { useSchemaForm } from '../../forms';
import type { Draft } from './draft';
import { LanguageTabs } from './LanguageTabs';
import { invalidLanguages, languageEdits, translationActions, translationErrors } from './translations';
import { variantActions } from './use-variant-actions';

type Form = ReturnType<typeof useSchemaForm<Draft, ContentInput>>;

export function useComposeLanguage(form: Form, draft: Draft, guidelines: Guidelines | null) {
  const [picked, setPicked] = useState('');
  const translation = draft.translations.find((entry) => entry.language === picked);
  // A removed translation's tab falls back to the post's own language.
  const language = translation ? picked : '';
  const textLanguage = language || draft.language.trim();
  // Without the guidelines (they failed to load) the length checks still run.
  const compiled = useMemo(
    () => compileGuidelines(guidelinesFor(guidelines ?? DEFAULT_GUIDELINES, textLanguage || undefined)),
    [guidelines, textLanguage],
  );
  const edits = languageEdits(form);
  const errors = translation ? translationErrors(form.errors, language) : form.errors;
  const tabs = (
    <LanguageTabs
      own={draft.language}
      translations={draft.translations}
      active={language}
      invalid={invalidLanguages(form.errors)}
      errors={form.errors}
      onPick={setPicked}
      onAdd={edits.add}
      onRemove={edits.remove}
      onTitle={(title) => translationActions(form, draft, language).setTitle(title)}
    />
  );
  return {
    language,
    compiled,
    /** The shown language's variants, per network. */
    variants: translation ? translation.variants : draft.variants,
    title: translation?.title.trim() ? translation.title : draft.title,
    errors,
    actions: translation ? translationActions(form, draft, language) : variantActions(form, draft),
    tabs,
    /** The error summary's link to a translation's field: opens its language (and answers the network to pick). */
    reveal(path: string): { network: TextNetwork; index: number } | null {
      const [first, tag, third, network, index] = path.split('.');
      if (first === 'translations' && tag) {
        setPicked(tag);
        const id = TEXT_NETWORKS.find((entry) => entry === network);
        return third === 'variants' && id ? { network: id, index: Number(index ?? 0) } : null;
      }
      if (first === 'variants') setPicked('');
      return null;
    },
  };
}
