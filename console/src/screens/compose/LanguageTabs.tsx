/** One tab per language of the post (its own first, then each translation), "Add language", and a translation's title and removal (undoable). */
import { useState } from 'preact/hooks';
import { COMMON_LANGUAGES, languageName } from '../../../../lib/languages';
import { InputField } from '../../components/fields';
import type { Errors } from '../../forms';
import { FORM } from './draft';
import type { TranslationDraft } from './translations';

interface Props {
  /** The post's own language ('' : not stated, English). */
  own: string;
  translations: TranslationDraft[];
  /** The language shown: '' for the post's own, else a translation's tag. */
  active: string;
  /** Languages with an error ('' for the post's own). */
  invalid: ReadonlySet<string>;
  errors: Errors;
  onPick: (language: string) => void;
  onAdd: (language: string, restore?: TranslationDraft) => void;
  onRemove: (language: string) => void;
  onTitle: (title: string) => void;
}

const tabId = (language: string) => `compose-lang-tab-${language || 'own'}`;

export function LanguageTabs({ own, translations, active, invalid, errors, onPick, onAdd, onRemove, onTitle }: Props) {
  const [removed, setRemoved] = useState<TranslationDraft | null>(null);
  const tags = ['', ...translations.map((entry) => entry.language)];
  const ownTag = own.trim() || 'en';
  const used = new Set([ownTag.toLowerCase(), ...translations.map((entry) => entry.language.toLowerCase())]);
  const addable = COMMON_LANGUAGES.filter((language) => !used.has(language.tag));
  const current = translations.find((entry) => entry.language === active);
  const name = (tag: string) => (tag ? languageName(tag) : own.trim() ? languageName(own.trim()) : 'English (default)');

  function pick(tag: string, focus = false) {
    onPick(tag);
    if (focus) document.getElementById(tabId(tag))?.focus();
  }
  function onKeyDown(event: KeyboardEvent) {
    const at = tags.indexOf(active);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tags.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    pick(tags[(to + tags.length) % tags.length]!, true);
  }
  function remove(entry: TranslationDraft) {
    setRemoved(entry);
    onRemove(entry.language);
    pick('', true);
  }

  return (
    <div class="lang-tabs">
      <div class="lang-tabs__bar">
        <div class="tabs lang-tabs__list" role="tablist" aria-label="Languages of the post" onKeyDown={onKeyDown}>
          {tags.map((tag) => (
            <button
              key={tag || 'own'}
              type="button"
              role="tab"
              id={tabId(tag)}
              class="tab"
              lang={tag || own.trim() || undefined}
              aria-selected={tag === active}
              aria-controls="compose-lang-panel"
              tabIndex={tag === active ? 0 : -1}
              onClick={() => pick(tag)}
            >
              <span>{name(tag)}</span>
              {invalid.has(tag) && (
                <span class="tab__alert">
                  !<span class="visually-hidden"> needs a fix</span>
                </span>
              )}
            </button>
          ))}
        </div>
        {addable.length > 0 && translations.length < 10 && (
          <label class="lang-tabs__add">
            <span>Add language</span>
            <select
              value=""
              onChange={(event) => {
                const tag = event.currentTarget.value;
                if (!tag) return;
                event.currentTarget.value = '';
                setRemoved(null);
                onAdd(tag);
                onPick(tag);
              }}
            >
              <option value="">Choose…</option>
              {addable.map((language) => (
                <option key={language.tag} value={language.tag}>
                  {language.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {removed && (
        <p class="notice notice--info lang-tabs__undo" role="status">
          Removed the {languageName(removed.language)} text.{' '}
          <button
            type="button"
            class="button button--small"
            onClick={() => {
              onAdd(removed.language, removed);
              setRemoved(null);
              pick(removed.language, true);
            }}
          >
            Undo
          </button>
        </p>
      )}
      <div role="tabpanel" id="compose-lang-panel" aria-labelledby={tabId(active)} class="lang-tabs__panel">
        {current ? (
          <>
            <InputField
              form={FORM}
              path={`translations.${current.language}.title`}
              label={`Title in ${languageName(current.language)}`}
              hint="Optional: else the post’s title."
              errors={errors}
              type="text"
              value={current.title}
              onValue={onTitle}
            />
            {errors[`translations.${current.language}.variants`] && (
              <p class="field__error">{errors[`translations.${current.language}.variants`]}</p>
            )}
            <p class="field__hint">
              Advocates reading {languageName(current.language)} get this text; a network left empty here uses the{' '}
              {name('')} text.
            </p>
            <button type="button" class="button button--small" onClick={() => remove(current)}>
              Remove {languageName(current.language)}
            </button>
          </>
        ) : (
          <p class="field__hint">
            {translations.length
              ? `The post’s own language (set under Details). Other languages have their own tabs.`
              : 'Add a language to write the post for advocates who read another one.'}
          </p>
        )}
      </div>
    </div>
  );
}
