/**
 * The scoring rules: gamification on or off, points per network, the early and personalised
 * bonuses, click points and caps, and the levels. Validated with the shared ScoringRules schema
 * before PUT; the server's 422 errors land on the same fields. Badges are kept as they are.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { scoringRulesSchema, type Badge, type ScoringRules } from '../../../lib/schemas';
import { NETWORK_ORDER } from '../../../components/shared/networks';
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
import { fieldId, numberOrUndefined, serverErrors, zodErrors, type Errors } from '../forms';

const FORM = 'scoring';

interface LevelDraft {
  key: number;
  name: string;
  minPoints: string;
}

interface Draft {
  enabled: boolean;
  linkedin: string;
  x: string;
  facebook: string;
  earlyWithinHours: string;
  earlyPoints: string;
  personalizedBonus: string;
  pointsPerClick: string;
  maxClickPointsPerShare: string;
  dailyPointsCap: string;
  levels: LevelDraft[];
  badges: Badge[];
}

type NumberKey = Exclude<keyof Draft, 'enabled' | 'levels' | 'badges'>;

let nextKey = 1;

function draftFrom(rules: ScoringRules): Draft {
  return {
    enabled: rules.enabled,
    linkedin: String(rules.pointsPerShare.linkedin),
    x: String(rules.pointsPerShare.x),
    facebook: String(rules.pointsPerShare.facebook),
    earlyWithinHours: String(rules.earlyShareBonus.withinHours),
    earlyPoints: String(rules.earlyShareBonus.points),
    personalizedBonus: String(rules.personalizedBonus),
    pointsPerClick: String(rules.pointsPerClick),
    maxClickPointsPerShare: String(rules.maxClickPointsPerShare),
    dailyPointsCap: rules.dailyPointsCap === null ? '' : String(rules.dailyPointsCap),
    levels: rules.levels.map((level) => ({ key: nextKey++, name: level.name, minPoints: String(level.minPoints) })),
    badges: rules.badges ?? [],
  };
}

function candidate(draft: Draft): Record<string, unknown> {
  return {
    enabled: draft.enabled,
    pointsPerShare: {
      linkedin: numberOrUndefined(draft.linkedin),
      x: numberOrUndefined(draft.x),
      facebook: numberOrUndefined(draft.facebook),
    },
    earlyShareBonus: {
      withinHours: numberOrUndefined(draft.earlyWithinHours),
      points: numberOrUndefined(draft.earlyPoints),
    },
    personalizedBonus: numberOrUndefined(draft.personalizedBonus),
    pointsPerClick: numberOrUndefined(draft.pointsPerClick),
    maxClickPointsPerShare: numberOrUndefined(draft.maxClickPointsPerShare),
    dailyPointsCap: numberOrUndefined(draft.dailyPointsCap) ?? null,
    levels: draft.levels.map((level) => ({ name: level.name, minPoints: numberOrUndefined(level.minPoints) })),
    badges: draft.badges,
  };
}

const PATH_OF: Record<NumberKey, string> = {
  linkedin: 'pointsPerShare.linkedin',
  x: 'pointsPerShare.x',
  facebook: 'pointsPerShare.facebook',
  earlyWithinHours: 'earlyShareBonus.withinHours',
  earlyPoints: 'earlyShareBonus.points',
  personalizedBonus: 'personalizedBonus',
  pointsPerClick: 'pointsPerClick',
  maxClickPointsPerShare: 'maxClickPointsPerShare',
  dailyPointsCap: 'dailyPointsCap',
};

const LABELS: Record<string, string> = {
  'pointsPerShare.linkedin': 'Points per LinkedIn share',
  'pointsPerShare.x': 'Points per X share',
  'pointsPerShare.facebook': 'Points per Facebook share',
  'earlyShareBonus.withinHours': 'Early share: within hours',
  'earlyShareBonus.points': 'Early share bonus',
  personalizedBonus: 'Own-words bonus',
  pointsPerClick: 'Points per click',
  maxClickPointsPerShare: 'Most click points per share',
  dailyPointsCap: 'Daily points cap',
  enabled: 'Gamification',
};

function labelFor(path: string): string {
  const [first, second, third] = path.split('.');
  if (first === 'levels') {
    if (second === undefined) return 'Levels';
    const row = `Level ${Number(second) + 1}`;
    return third === 'name' ? `${row}, name` : third === 'minPoints' ? `${row}, from points` : row;
  }
  if (first === 'badges') return 'Badges';
  return LABELS[path] ?? LABELS[first ?? ''] ?? 'Scoring rules';
}

export function ScoringEditor() {
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
      .get<ScoringRules>('/v1/admin/scoring')
      .then((rules) => setDraft(draftFrom(rules)))
      .catch((error: unknown) => setLoadError(describeError(error)));
  }, [attemptLoad]);

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  const header = (
    <PageHeader title="Scoring">
      <p>
        Points, levels and the leaderboard advocates see. One scoring module computes points in the extension and on the
        server, so both always agree.
      </p>
    </PageHeader>
  );
  if (loadError) {
    return (
      <>
        {header}
        <LoadError
          message={`Couldn't load the scoring rules: ${loadError}`}
          onRetry={() => setAttemptLoad((n) => n + 1)}
        />
      </>
    );
  }
  if (!draft)
    return (
      <>
        {header}
        <Loading label="Loading the scoring rules…" />
      </>
    );

  const parsed = scoringRulesSchema.safeParse(candidate(draft));
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

  function numberField(key: NumberKey, hint?: string, options: { min?: number; max?: number } = {}) {
    const path = PATH_OF[key];
    return (
      <Field form={FORM} path={path} label={LABELS[path]} errors={errors} hint={hint}>
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            step={1}
            min={options.min ?? 0}
            max={options.max}
            value={draft?.[key] ?? ''}
            onInput={(event) => {
              const value = event.currentTarget.value;
              update(path, (current) => ({ ...current, [key]: value }));
            }}
          />
        )}
      </Field>
    );
  }

  function setLevel(index: number, change: Partial<LevelDraft>) {
    update(`levels.${index}`, (current) => ({
      ...current,
      levels: current.levels.map((level, i) => (i === index ? { ...level, ...change } : level)),
    }));
  }

  function addLevel() {
    const index = draft?.levels.length ?? 0;
    const last = draft?.levels[index - 1];
    const suggested = last ? String((Number(last.minPoints) || 0) + 500) : '0';
    update('levels', (current) => ({
      ...current,
      levels: [...current.levels, { key: nextKey++, name: '', minPoints: suggested }],
    }));
    focusAfterRender.current = fieldId(FORM, `levels.${index}.name`);
  }

  function removeLevel(index: number) {
    const remaining = (draft?.levels.length ?? 1) - 1;
    update('levels', (current) => ({ ...current, levels: current.levels.filter((_, i) => i !== index) }));
    setFromServer({});
    focusAfterRender.current =
      remaining > 0 ? fieldId(FORM, `levels.${Math.min(index, remaining - 1)}.name`) : 'scoring-add-level';
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!draft) return;
    setSubmitted(true);
    setNotice(null);
    const checked = scoringRulesSchema.safeParse(candidate(draft));
    if (!checked.success) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const saved = await api.put<ScoringRules>('/v1/admin/scoring', checked.data);
      setDraft(draftFrom(saved));
      setSubmitted(false);
      setFromServer({});
      setNotice({ kind: 'success', text: 'Scoring rules saved. Points are recalculated in the background.' });
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        setFromServer(serverErrors(error.errors));
        setAttempt((n) => n + 1);
      } else {
        setNotice({ kind: 'error', text: `Couldn't save the scoring rules: ${describeError(error)}` });
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

        <section class="card form-section" aria-labelledby="scoring-gamification">
          <h2 id="scoring-gamification">Gamification</h2>
          <Checkbox
            id={fieldId(FORM, 'enabled')}
            label="Gamification on: points, levels, badges and the leaderboard"
            checked={draft.enabled}
            onChange={(checked) => update('enabled', (current) => ({ ...current, enabled: checked }))}
            hint="Leaderboards tend to show the same few people and the lift fades; many programmes switch them off after launch. Shares and clicks are still counted."
          />
        </section>

        <fieldset class="card form-section fieldset--card" disabled={!draft.enabled}>
          <legend>Points per share</legend>
          <p class="field__hint">0 switches a network off entirely: no points, bonuses or badge credit.</p>
          <div class="grid-3">
            {NETWORK_ORDER.map((network) => (
              <div key={network}>
                {numberField(
                  network,
                  network === 'facebook'
                    ? 'Facebook’s policy forbids rewarding people for posting: consider 0.'
                    : undefined,
                  { max: 10_000 },
                )}
              </div>
            ))}
          </div>
        </fieldset>

        <fieldset class="card form-section fieldset--card" disabled={!draft.enabled}>
          <legend>Bonuses and clicks</legend>
          <div class="grid-3">
            {numberField('earlyPoints', 'For sharing soon after publishing.', { max: 10_000 })}
            {numberField('earlyWithinHours', 'Hours after publishing, 1–720.', { min: 1, max: 720 })}
            {numberField('personalizedBonus', 'When the advocate changed the suggested text.', { max: 10_000 })}
            {numberField('pointsPerClick', `For each human click on a tracked link.`, { max: 10_000 })}
            {numberField('maxClickPointsPerShare', 'Click points one share can earn at most.', { max: 10_000 })}
            {numberField('dailyPointsCap', 'Share points per day (UTC); empty for no cap.', { min: 1, max: 1_000_000 })}
          </div>
        </fieldset>

        <fieldset class="card form-section fieldset--card" disabled={!draft.enabled}>
          <legend>Levels</legend>
          <p class="field__hint">In increasing order of points; the first starts at 0.</p>
          <ol class="rows">
            {draft.levels.map((level, index) => (
              <li key={level.key} class="row-item">
                <fieldset class="fieldset row-fieldset">
                  <legend>Level {index + 1}</legend>
                  <div class="level-row">
                    <Field form={FORM} path={`levels.${index}.name`} label="Name" errors={errors}>
                      {(props) => (
                        <input
                          {...props}
                          type="text"
                          maxLength={40}
                          value={level.name}
                          onInput={(event) => setLevel(index, { name: event.currentTarget.value })}
                        />
                      )}
                    </Field>
                    <Field form={FORM} path={`levels.${index}.minPoints`} label="From points" errors={errors}>
                      {(props) => (
                        <input
                          {...props}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          step={1}
                          value={level.minPoints}
                          onInput={(event) => setLevel(index, { minPoints: event.currentTarget.value })}
                        />
                      )}
                    </Field>
                    <button
                      type="button"
                      class="button button--small button--quiet"
                      aria-label={`Remove level ${index + 1}`}
                      disabled={draft.levels.length <= 1}
                      onClick={() => removeLevel(index)}
                    >
                      Remove
                    </button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <button
            type="button"
            id="scoring-add-level"
            class="button button--small"
            disabled={draft.levels.length >= 50}
            onClick={addLevel}
          >
            Add level
          </button>
        </fieldset>

        {draft.badges.length > 0 && (
          <section class="card form-section" aria-labelledby="scoring-badges">
            <h2 id="scoring-badges">Badges</h2>
            <ul class="badge-list">
              {draft.badges.map((badge) => (
                <li key={badge.id}>
                  <strong>{badge.name}</strong>
                  {badge.description ? `: ${badge.description}` : ''}{' '}
                  <span class="muted">
                    ({badge.metric} ≥ {badge.threshold.toLocaleString('en-US')})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}

        <div class="form-actions">
          <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={busy} aria-busy={busy}>
              Save scoring rules
            </button>
          </div>
        </div>
      </form>
    </>
  );
}
