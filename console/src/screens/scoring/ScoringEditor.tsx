/**
 * The scoring rules: gamification on or off, points per network, the bonuses, click points and
 * caps, and the levels. Validated with the shared ScoringRules schema before PUT; the server's
 * 422 errors land on the same fields. Badges are kept as they are.
 */
import { scoringRulesSchema, type ScoringRules } from '../../../../lib/schemas';
import { api } from '../../api';
import { Loaded } from '../../components/Loaded';
import { SaveBar } from '../../components/SaveBar';
import { Checkbox, ErrorSummary, PageHeader } from '../../components/ui';
import { fieldId, useSchemaForm } from '../../forms';
import { BonusesSection } from './BonusesSection';
import { candidate, draftFrom, FORM, labelFor, type Draft } from './draft';
import { LevelsSection } from './LevelsSection';
import { PointsSection } from './PointsSection';

export function ScoringEditor() {
  const form = useSchemaForm<Draft, ScoringRules>({
    schema: scoringRulesSchema,
    candidate,
    initial: null,
    load: async () => draftFrom(await api.get<ScoringRules>('/v1/admin/scoring')),
  });

  function save(event: Event) {
    event.preventDefault();
    void form.submit({
      save: async (rules) => ({
        draft: draftFrom(await api.put<ScoringRules>('/v1/admin/scoring', rules)),
        notice: { kind: 'success', text: 'Scoring rules saved. Points are recalculated in the background.' },
      }),
      failure: (message) => `Couldn't save the scoring rules: ${message}`,
    });
  }

  const header = (
    <PageHeader title="Scoring">
      <p>
        Points, levels and the leaderboard advocates see. One scoring module computes points in the extension and on the
        server, so both always agree.
      </p>
    </PageHeader>
  );
  const { draft } = form;
  return (
    <Loaded header={header} what="the scoring rules" error={form.loadError} onRetry={form.retryLoad} ready={!!draft}>
      {() =>
        draft && (
          <form class="settings-form" noValidate onSubmit={save}>
            <ErrorSummary form={FORM} errors={form.errors} labelFor={labelFor} attempt={form.attempt} />
            <section class="card form-section" aria-labelledby="scoring-gamification">
              <h2 id="scoring-gamification">Gamification</h2>
              <Checkbox
                id={fieldId(FORM, 'enabled')}
                label="Gamification on: points, levels, badges and the leaderboard"
                checked={draft.enabled}
                onChange={(enabled) => form.update('enabled', (current) => ({ ...current, enabled }))}
                hint="Leaderboards tend to show the same few people and the lift fades; many programmes switch them off after launch. Shares and clicks are still counted."
              />
            </section>
            <PointsSection form={form} draft={draft} />
            <BonusesSection form={form} draft={draft} />
            <LevelsSection form={form} draft={draft} />
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
            <SaveBar
              label="Save scoring rules"
              notice={form.notice}
              onDismiss={() => form.setNotice(null)}
              busy={form.busy !== null}
            />
          </form>
        )
      }
    </Loaded>
  );
}
