/**
 * Selector overrides, per composer site: every key of the extension's selector table
 * (lib/selector-keys.ts), and the override the admin types (empty: the built-in, shown in the field). Checked as CSS here first;
 * saved whole with PUT /v1/admin/selectors, they reach open LinkedIn and X pages within seconds.
 */
import { useEffect, useState } from 'preact/hooks';
import { SITE_SELECTOR_KEYS, SITE_SELECTORS } from '../../../../lib/selector-keys';
import type { HealthSite, SelectorOverrides as Overrides } from '../../../../lib/schemas';
import { api, describeError } from '../../api';
import { NoticeLine } from '../../components/ui';
import { isValidSelector } from './css';

type Draft = Record<HealthSite, Record<string, string>>;

const SITES: readonly HealthSite[] = ['linkedin', 'x'];
const SITE_NAMES: Record<HealthSite, string> = { linkedin: 'LinkedIn', x: 'X' };
const PATH = '/v1/admin/selectors';
/** The extension's built-in selectors, shown in each empty field. */
const BUILT_IN: Record<HealthSite, Readonly<Record<string, string>>> = SITE_SELECTORS;

/** The document from the draft: empty fields left out, selectors trimmed. */
function documentOf(draft: Draft): Overrides {
  const document: Overrides = {};
  for (const site of SITES) {
    const entries = Object.entries(draft[site]).filter(([, selector]) => selector.trim() !== '');
    if (entries.length > 0) document[site] = Object.fromEntries(entries.map(([key, value]) => [key, value.trim()]));
  }
  return document;
}

/** "linkedin.editor" for each override that is not valid CSS in this browser. */
function invalidOf(draft: Draft): string[] {
  return SITES.flatMap((site) =>
    Object.entries(draft[site])
      .filter(([, selector]) => selector.trim() !== '' && !isValidSelector(selector.trim()))
      .map(([key]) => `${site}.${key}`),
  );
}

export function SelectorOverrides() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<string[]>([]);

  useEffect(() => {
    api
      .get<Overrides>(PATH)
      .then((stored) => setDraft({ linkedin: { ...stored.linkedin }, x: { ...stored.x } }))
      .catch((error: unknown) =>
        setNotice({ kind: 'error', text: `Couldn't load the overrides: ${describeError(error)}` }),
      );
  }, []);

  const set = (site: HealthSite, key: string, value: string) =>
    setDraft((current) => current && { ...current, [site]: { ...current[site], [key]: value } });

  async function save(event: Event) {
    event.preventDefault();
    if (!draft) return;
    const wrong = invalidOf(draft);
    setInvalid(wrong);
    if (wrong.length > 0) {
      setNotice({ kind: 'error', text: `Not a valid CSS selector: ${wrong.join(', ')}.` });
      return;
    }
    setBusy(true);
    try {
      const saved = await api.put<Overrides>(PATH, documentOf(draft));
      setDraft({ linkedin: { ...saved.linkedin }, x: { ...saved.x } });
      setNotice({ kind: 'success', text: 'Saved. Open LinkedIn and X pages use them within seconds.' });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't save the overrides: ${describeError(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="integration__overrides" noValidate onSubmit={save} aria-labelledby="integration-overrides">
      <h2 id="integration-overrides">Selector overrides</h2>
      <p class="muted">
        When a site changes its markup, a CSS selector here replaces the extension’s built-in one for that key, with no
        new release. One that matches nothing on a page falls back to the built-in.
      </p>
      {draft &&
        SITES.map((site) => (
          <fieldset class="card integration__site-overrides" key={site} data-site={site}>
            <legend>{SITE_NAMES[site]}</legend>
            {SITE_SELECTOR_KEYS[site].map((key) => {
              const id = `override-${site}-${key}`;
              const wrong = invalid.includes(`${site}.${key}`);
              return (
                <div class="field integration__override" key={key}>
                  <label for={id}>
                    <code>{key}</code>
                  </label>
                  <input
                    id={id}
                    name={`${site}.${key}`}
                    type="text"
                    spellcheck={false}
                    autoComplete="off"
                    maxLength={1000}
                    placeholder={`Built-in: ${BUILT_IN[site][key]}`}
                    title={`Built-in: ${BUILT_IN[site][key]}`}
                    aria-invalid={wrong || undefined}
                    value={draft[site][key] ?? ''}
                    onInput={(event) => set(site, key, event.currentTarget.value)}
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
      {notice && <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />}
      <button class="button button--primary" type="submit" disabled={busy || !draft}>
        Save overrides
      </button>
    </form>
  );
}
