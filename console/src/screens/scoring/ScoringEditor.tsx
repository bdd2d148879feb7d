/**
 * The scoring rules: gamification on or off, points per network, the bonuses, click points and
 * caps, and the levels. Validated with the shared ScoringRules schema before PUT; the server's
 * 422 errors land on the same fields. Badges are kept as they are.
 */
import { scoringRulesSchema } from '../../../../lib/schemas';
import { DocumentForm } from '../../components/DocumentForm';
import { Checkbox, PageHeader } from '../../components/ui';
import { fieldId, useDocumentForm } from '../../forms';
import { BonusesSection } from './BonusesSection';
import { candidate, draftFrom, FORM, labelFor } from './draft';
import { LevelsSection } from './LevelsSection';
import { PointsSection } from './PointsSection';

export function ScoringEditor() {
  const form = useDocumentForm({
    path: '/v1/admin/scoring',
    schema: scoringRulesSchema,
    draftFrom,
    candidate,
    what: 'the scoring rules',
    savedText: 'Scoring rules saved. Points are recalculated in the background.',
  });
  const header = (
    <PageHeader title="Scoring">
      <p>
        Points, levels and the leaderboard advocates see. One scoring module computes points in the extension and on the
        server, so both always agree.
      </p>
    </PageHeader>
  );
  return (
    <DocumentForm id={FORM} form={form} header={header} labelFor={labelFor} saveLabel="Save scoring rules">
      {(draft) => (
        <>
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
        </>
      )}
    </DocumentForm>
  );
}
