/**
 * The scoring rules: gamification on or off, points per network, the bonuses, click points and
 * caps, and the levels. Validated with the shared ScoringRules schema before PUT; the server's
 * 422 errors land on the same fields. Badges are kept as they are.
 */
import { scoringRulesSchema } from '../../../../lib/schemas';
import { DocumentForm } from '../../components/DocumentForm';
import { Checkbox, PageHeader } from '../../components/ui';
import { fieldId, useDocumentForm } from '../../forms';
import { badgeRule } from './badge-words';
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
        How advocates earn points, the levels they reach and the leaderboard they see in the extension. Changes apply to
        everyone’s points, past shares included.
      </p>
    </PageHeader>
  );
  return (
    <DocumentForm id={FORM} form={form} header={header} labelFor={labelFor} saveLabel="Save scoring rules">
      {(draft) => (
        <>
          <section class="card form-section" aria-labelledby="scoring-gamification">
            <h2 id="scoring-gamification">Points and leaderboard</h2>
            <Checkbox
              id={fieldId(FORM, 'enabled')}
              label="Show points, levels, badges and the leaderboard"
              checked={draft.enabled}
              onChange={(enabled) => form.update('enabled', (current) => ({ ...current, enabled }))}
              hint="Advocates see what they earned after each share and how they rank. Turned off, shares and clicks are still counted for your analytics."
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
                    <span class="muted">({badgeRule(badge.metric, badge.threshold)})</span>
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
