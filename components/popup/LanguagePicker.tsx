/** The account menu's choice of the language posts come in: automatic (the company's or the browser's) or one of the posts' languages. */
import { useContext, useEffect, useId, useState } from 'preact/hooks';
import { languageName } from '../../lib/languages';
import type { ContentLanguageResult } from '../shared/content-language-view';
import { ClientContext } from './ClientContext';

/** Every visible word of the picker, together, for the popup's translation into _locales. */
export const LANGUAGE_PICKER_TEXT = {
  label: 'Language of posts',
  automatic: 'Automatic (from your browser or company)',
  automaticNow: (name: string) => `Automatic (now ${name})`,
  saving: 'Saving…',
  saved: 'Posts now come in this language where they have it.',
};

export function LanguagePicker() {
  const client = useContext(ClientContext);
  const id = useId();
  const [state, setState] = useState<ContentLanguageResult | null>(null);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void client?.contentLanguage?.().then((result) => live && setState(result));
    return () => {
      live = false;
    };
  }, [client]);

  if (!client?.contentLanguage || !state) return null;
  if (!state.ok) return <p class="account-note">{state.message}</p>;

  const chosen = state.source === 'chosen' ? state.language : null;
  const options = [...new Set([...state.available, ...(chosen ? [chosen] : [])])];
  const automatic =
    state.language && state.source !== 'chosen'
      ? LANGUAGE_PICKER_TEXT.automaticNow(languageName(state.language))
      : LANGUAGE_PICKER_TEXT.automatic;

  const choose = async (value: string) => {
    setSaving(true);
    setNote(null);
    const result = await client.contentLanguage!({ language: value === '' ? null : value });
    setSaving(false);
    if (result.ok) {
      setState(result);
      setNote(LANGUAGE_PICKER_TEXT.saved);
    } else {
      setNote(result.message);
    }
  };

  return (
    <div class="account-language">
      <label for={id} class="account-who">
        {LANGUAGE_PICKER_TEXT.label}
      </label>
      <select
        id={id}
        class="account-select"
        value={chosen ?? ''}
        disabled={saving}
        onChange={(event) => void choose(event.currentTarget.value)}
      >
        <option value="">{automatic}</option>
        {options.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag)}
          </option>
        ))}
      </select>
      {(saving || note) && (
        <p class="account-note" role="status">
          {saving ? LANGUAGE_PICKER_TEXT.saving : note}
        </p>
      )}
    </div>
  );
}
