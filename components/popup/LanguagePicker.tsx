/** The account menu's choice of the language posts come in: automatic (the company's or the browser's) or one of the posts' languages. */
import { useContext, useEffect, useId, useState } from 'preact/hooks';
import { languageName } from '../../lib/languages';
import type { ContentLanguageResult } from '../shared/content-language-view';
import { t, uiLanguage } from '../shared/i18n';
import { serverUnreachable } from '../shared/connection-words';
import { ClientContext } from './ClientContext';

/** A language's name in the interface's language (lib's English name where the browser has none). */
function nameOf(tag: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(tag) ?? languageName(tag);
  } catch {
    return languageName(tag);
  }
}

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
      ? t('picker_automatic_now', { name: nameOf(state.language) })
      : t('picker_automatic');

  const choose = async (value: string) => {
    setSaving(true);
    setNote(null);
    const result = await client.contentLanguage!({ language: value === '' ? null : value });
    setSaving(false);
    if (result.ok) {
      setState(result);
      setNote(t('picker_saved'));
    } else {
      setNote(result.offline ? t('picker_not_saved', { error: serverUnreachable() }) : result.message);
    }
  };

  return (
    <div class="account-language">
      <label for={id} class="account-who">
        {t('picker_label')}
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
            {nameOf(tag)}
          </option>
        ))}
      </select>
      {(saving || note) && (
        <p class="account-note" role="status">
          {saving ? t('picker_saving') : note}
        </p>
      )}
    </div>
  );
}
