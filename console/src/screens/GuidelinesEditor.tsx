/**
 * The posting guidelines every extension checks posts against: the disclosure (text and networks),
 * banned terms or patterns with the reason advocates see, the hashtag limit, the daily share cap
 * and the company names. Validated with the shared Guidelines schema before PUT; the server's 422
 * errors land on the same fields.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { guidelinesSchema, type Guidelines, type Network } from '../../../lib/schemas';
import { NETWORK_LABEL, NETWORK_ORDER } from '../../../components/shared/networks';
import { api, ApiError, describeError } from '../api';
import {
  Checkbox,
  ErrorSummary,
  Field,
  Loading,
  LoadError,
  NoticeLine,
  PageHeader,
  type Notice,
} from '../components/ui';
import { errorAt, fieldId, numberOrUndefined, serverErrors, splitList, zodErrors, type Errors } from '../forms';

const FORM = 'guidelines';

interface TermDraft {
  key: number;
  pattern: string;
  regex: boolean;
  reason: string;
}

interface Draft {
  disclosureOn: boolean;
  disclosureText: string;
  disclosureNetworks: Record<Network, boolean>;
  terms: TermDraft[];
  maxHashtags: string;
  dailyShareCap: string;
  companyNames: string;
}

let nextKey = 1;

function draftFrom(guidelines: Guidelines): Draft {
  const networks = guidelines.disclosure?.networks ?? ['linkedin', 'x'];
  return {
    disclosureOn: Boolean(guidelines.disclosure),
    disclosureText: guidelines.disclosure?.text ?? '#employee',
    disclosureNetworks: {
      linkedin: networks.includes('linkedin'),
      x: networks.includes('x'),
      facebook: networks.includes('facebook'),
    },
    terms: guidelines.bannedTerms.map((term) => ({
      key: nextKey++,
      pattern: term.pattern,
      regex: term.regex === true,
      reason: term.reason,
    })),
    maxHashtags: guidelines.maxHashtags === undefined ? '' : String(guidelines.maxHashtags),
    dailyShareCap: guidelines.dailyShareCap === undefined ? '' : String(guidelines.dailyShareCap),
    companyNames: (guidelines.companyNames ?? []).join('\n'),
  };
}

function candidate(draft: Draft): Record<string, unknown> {
  const value: Record<string, unknown> = {
    bannedTerms: draft.terms.map((term) => ({
      pattern: term.pattern,
      ...(term.regex ? { regex: true } : {}),
      reason: term.reason,
    })),
  };
  if (draft.disclosureOn) {
    value.disclosure = {
      text: draft.disclosureText,
      networks: NETWORK_ORDER.filter((network) => draft.disclosureNetworks[network]),
    };
  }
  const maxHashtags = numberOrUndefined(draft.maxHashtags);
  if (maxHashtags !== undefined) value.maxHashtags = maxHashtags;
  const cap = numberOrUndefined(draft.dailyShareCap);
  if (cap !== undefined) value.dailyShareCap = cap;
  const names = splitList(draft.companyNames, /\n/);
  if (names.length) value.companyNames = names;
  return value;
}

function labelFor(path: string): string {
  const [first, second, third] = path.split('.');
  if (first === 'disclosure') return second === 'networks' ? 'Disclosure networks' : 'Disclosure text';
  if (first === 'bannedTerms') {
    if (second === undefined) return 'Banned terms';
    const row = `Banned term ${Number(second) + 1}`;
    return third === 'reason' ? `${row}, reason` : third === 'pattern' ? `${row}, pattern` : row;
  }
  if (first === 'maxHashtags') return 'Most hashtags';
  if (first === 'dailyShareCap') return 'Daily share cap';
  if (first === 'companyNames') return 'Company names';
  return 'Guidelines';
}

export function GuidelinesEditor() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attemptLoad, setAttemptLoad] = useState(0);
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [fromServer, setFromServer] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    setLoadError(null);
    api
      .get<Guidelines>('/v1/admin/guidelines')
      .then((guidelines) => setDraft(draftFrom(guidelines)))
      .catch((error: unknown) => setLoadError(describeError(error)));
  }, [attemptLoad]);

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  const header = (
    <PageHeader title="Guidelines">
      <p>
        The extension checks every post against these while advocates type, and shows the reason you give. Changes reach
        every extension on its next sync.
      </p>
    </PageHeader>
  );
  if (loadError) {
    return (
      <>
        {header}
        <LoadError
          message={`Couldn't load the guidelines: ${loadError}`}
          onRetry={() => setAttemptLoad((n) => n + 1)}
        />
      </>
    );
  }
  if (!draft)
    return (
      <>
        {header}
        <Loading label="Loading the guidelines…" />
      </>
    );

  const parsed = guidelinesSchema.safeParse(candidate(draft));
  const errors: Errors = { ...(submitted && !parsed.success ? zodErrors(parsed.error) : {}), ...fromServer };

  function update(path: string, change: (current: Draft) => Draft) {
    setDraft((current) => (current ? change(current) : current));
    setNotice(null);
    setFromServer((current) => {
      const next = { ...current };
      for (const key of Object.keys(next))
        if (key === path || key.startsWith(`${path}.`) || key === '') delete next[key];
      return next;
    });
  }

  function setTerm(index: number, change: Partial<TermDraft>) {
    update(`bannedTerms.${index}`, (current) => ({
      ...current,
      terms: current.terms.map((term, i) => (i === index ? { ...term, ...change } : term)),
    }));
  }

  function addTerm() {
    const index = draft?.terms.length ?? 0;
    update('bannedTerms', (current) => ({
      ...current,
      terms: [...current.terms, { key: nextKey++, pattern: '', regex: false, reason: '' }],
    }));
    focusAfterRender.current = fieldId(FORM, `bannedTerms.${index}.pattern`);
  }

  function removeTerm(index: number) {
    const remaining = (draft?.terms.length ?? 1) - 1;
    update('bannedTerms', (current) => ({ ...current, terms: current.terms.filter((_, i) => i !== index) }));
    // Errors of later rows would point at the wrong row now.
    setFromServer({});
    focusAfterRender.current =
      remaining > 0 ? fieldId(FORM, `bannedTerms.${Math.min(index, remaining - 1)}.pattern`) : 'guidelines-add-term';
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!draft) return;
    setSubmitted(true);
    setNotice(null);
    const checked = guidelinesSchema.safeParse(candidate(draft));
    if (!checked.success) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const saved = await api.put<Guidelines>('/v1/admin/guidelines', checked.data);
      setDraft(draftFrom(saved));
      setSubmitted(false);
      setFromServer({});
      setNotice({ kind: 'success', text: 'Guidelines saved. Extensions apply them on their next sync.' });
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        setFromServer(serverErrors(error.errors));
        setAttempt((n) => n + 1);
      } else {
        setNotice({ kind: 'error', text: `Couldn't save the guidelines: ${describeError(error)}` });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {header}
      <form class="settings-form" noValidate onSubmit={(event) => void save(event)}>
        <ErrorSummary form={FORM} errors={errors} labelFor={labelFor} attempt={attempt} />

        <section class="card form-section" aria-labelledby="guidelines-disclosure">
          <h2 id="guidelines-disclosure">Disclosure</h2>
          <p class="field__hint">
            The FTC expects employees to disclose their connection to the company, e.g. with #employee or “I work at …”.
          </p>
          <Checkbox
            id="guidelines-disclosure-on"
            label="Require a disclosure in every post"
            checked={draft.disclosureOn}
            onChange={(checked) => update('disclosure', (current) => ({ ...current, disclosureOn: checked }))}
          />
          {draft.disclosureOn && (
            <>
              <Field form={FORM} path="disclosure.text" label="Disclosure text" errors={errors} hint='e.g. "#employee"'>
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    maxLength={100}
                    value={draft.disclosureText}
                    onInput={(event) =>
                      update('disclosure.text', (current) => ({
                        ...current,
                        disclosureText: event.currentTarget.value,
                      }))
                    }
                  />
                )}
              </Field>
              <fieldset class="fieldset">
                <legend>Required on</legend>
                <div class="inline-options">
                  {NETWORK_ORDER.map((network, index) => (
                    <Checkbox
                      key={network}
                      id={index === 0 ? fieldId(FORM, 'disclosure.networks') : `guidelines-disclosure-${network}`}
                      label={NETWORK_LABEL[network]}
                      checked={draft.disclosureNetworks[network]}
                      onChange={(checked) =>
                        update('disclosure.networks', (current) => ({
                          ...current,
                          disclosureNetworks: { ...current.disclosureNetworks, [network]: checked },
                        }))
                      }
                    />
                  ))}
                </div>
                {errorAt(errors, 'disclosure.networks') && (
                  <p class="field__error">{errorAt(errors, 'disclosure.networks')}</p>
                )}
              </fieldset>
            </>
          )}
        </section>

        <section class="card form-section" aria-labelledby="guidelines-terms">
          <h2 id="guidelines-terms">Banned terms</h2>
          <p class="field__hint">
            Words, phrases or regular expressions advocates must not post (matched whole-word, any case). The reason is
            what advocates see.
          </p>
          {draft.terms.length === 0 ? (
            <p class="muted">No banned terms yet.</p>
          ) : (
            <ol class="rows">
              {draft.terms.map((term, index) => (
                <li key={term.key} class="row-item">
                  <fieldset class="fieldset row-fieldset">
                    <legend>Banned term {index + 1}</legend>
                    <div class="term-row">
                      <Field form={FORM} path={`bannedTerms.${index}.pattern`} label="Pattern" errors={errors}>
                        {(props) => (
                          <input
                            {...props}
                            type="text"
                            maxLength={200}
                            value={term.pattern}
                            class={term.regex ? 'mono' : undefined}
                            onInput={(event) => setTerm(index, { pattern: event.currentTarget.value })}
                          />
                        )}
                      </Field>
                      <Field form={FORM} path={`bannedTerms.${index}.reason`} label="Reason" errors={errors}>
                        {(props) => (
                          <input
                            {...props}
                            type="text"
                            maxLength={300}
                            value={term.reason}
                            onInput={(event) => setTerm(index, { reason: event.currentTarget.value })}
                          />
                        )}
                      </Field>
                      <Checkbox
                        id={`guidelines-term-${term.key}-regex`}
                        label="Regular expression"
                        checked={term.regex}
                        onChange={(checked) => setTerm(index, { regex: checked })}
                      />
                      <button
                        type="button"
                        class="button button--small button--quiet"
                        aria-label={`Remove banned term ${index + 1}`}
                        onClick={() => removeTerm(index)}
                      >
                        Remove
                      </button>
                    </div>
                  </fieldset>
                </li>
              ))}
            </ol>
          )}
          <button
            type="button"
            id="guidelines-add-term"
            class="button button--small"
            disabled={draft.terms.length >= 1000}
            onClick={addTerm}
          >
            Add banned term
          </button>
        </section>

        <section class="card form-section" aria-labelledby="guidelines-limits">
          <h2 id="guidelines-limits">Limits and company</h2>
          <div class="grid-2">
            <Field
              form={FORM}
              path="maxHashtags"
              label="Most hashtags per post"
              errors={errors}
              hint="0–30; empty for no limit. The disclosure hashtag doesn't count."
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={30}
                  step={1}
                  value={draft.maxHashtags}
                  onInput={(event) =>
                    update('maxHashtags', (current) => ({ ...current, maxHashtags: event.currentTarget.value }))
                  }
                />
              )}
            </Field>
            <Field
              form={FORM}
              path="dailyShareCap"
              label="Daily share cap"
              errors={errors}
              hint="Shares per advocate per day, 1–500; empty for no cap."
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={500}
                  step={1}
                  value={draft.dailyShareCap}
                  onInput={(event) =>
                    update('dailyShareCap', (current) => ({ ...current, dailyShareCap: event.currentTarget.value }))
                  }
                />
              )}
            </Field>
          </div>
          <Field
            form={FORM}
            path="companyNames"
            label="Company names"
            errors={errors}
            hint="One per line. A post naming one of them is about the company and needs the disclosure."
          >
            {(props) => (
              <textarea
                {...props}
                rows={3}
                value={draft.companyNames}
                onInput={(event) =>
                  update('companyNames', (current) => ({ ...current, companyNames: event.currentTarget.value }))
                }
              />
            )}
          </Field>
        </section>

        <div class="form-actions">
          <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={busy} aria-busy={busy}>
              Save guidelines
            </button>
          </div>
        </div>
      </form>
    </>
  );
}
